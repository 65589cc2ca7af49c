package org.pangeagraph.tools.generator;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Keys that are plainly fictional and already in their normal form (model.KeyForm), like the sample data's:
 * domains under {@code .example}, IPv6 addresses of the documentation prefix {@code 2001:db8::/32},
 * phone numbers in Ofcom's ranges for drama, IBANs with valid check digits at banks that do not exist,
 * other account identifiers containing {@code EXAMPLE}.
 */
final class FictionalValues {

    private static final String[] WORDS = { "rx", "pharma", "meds", "pill", "health", "care", "cure", "tablet", "dose",
            "remedy", "wellness", "generic", "discount", "express", "direct", "online", "best", "cheap", "quick", "trusted",
            "canada", "euro", "global", "secure", "fast", "easy", "smart", "daily", "prime", "vital", "pure", "nova", "apex",
            "blue", "green", "life", "med", "drug", "shop", "store", "mart", "depot", "outlet", "club", "plus", "world" };

    /**
     * Ofcom's numbers for drama (valid for libphonenumber, never assigned): E.164 prefixes, each
     * followed by three digits.
     */
    private static final String[] DRAMA_PREFIXES = { "+442079460", "+441134960", "+441144960", "+441164960",
            "+441174960", "+441184960", "+441214960", "+441314960", "+441414960", "+441514960", "+441614960", "+441914980",
            "+442920180", "+442890180", "+443069990", "+448081570" };

    static final String[] FIRST_NAMES = { "Alex", "Bianca", "Chen", "Dmitri", "Elena", "Farid", "Grace", "Hugo", "Ines",
            "Jonas", "Kavya", "Luca", "Maya", "Nikolai", "Olga", "Pavel", "Quinn", "Rosa", "Sami", "Tariq", "Uma", "Viktor",
            "Wen", "Yusuf", "Zara" };

    static final String[] LAST_NAMES = { "Example", "Sample", "Fictitious", "Specimen", "Placeholder", "Madeup", "Invented",
            "Pretend", "Notreal", "Standin" };

    private FictionalValues() {
    }

    static String word(int i) {
        return WORDS[Math.floorMod(i, WORDS.length)];
    }

    static int wordCount() {
        return WORDS.length;
    }

    /** A storefront domain, unique by {@code n}. */
    static String domain(int first, int second, int n) {
        return word(first) + "-" + word(second) + "-" + Integer.toString(n, 36) + ".example";
    }

    /** An address of the documentation prefix in RFC 5952 form: every group non-zero, so nothing is compressed but the run of zeros. */
    static String ipAddress(int provider, int block, int host) {
        return String.format(Locale.ROOT, "2001:db8:%x:%x::%x", provider + 1, block + 1, host + 1);
    }

    /** How many distinct phone numbers {@link #phone(int)} has. */
    static int phoneCount() {
        return DRAMA_PREFIXES.length * 1000;
    }

    static String phone(int n) {
        return DRAMA_PREFIXES[n / 1000] + String.format(Locale.ROOT, "%03d", n % 1000);
    }

    /** A GB IBAN at a fictional bank ({@code XMPL}, sort code 999999): valid check digits, account {@code n}. */
    static String iban(int n) {
        String bban = "XMPL999999" + String.format(Locale.ROOT, "%08d", n);
        String rearranged = bban + "GB00";
        StringBuilder digits = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.isLetter(c) ? String.valueOf(c - 'A' + 10) : String.valueOf(c));
        }
        int check = 98 - new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue();
        return "GB" + String.format(Locale.ROOT, "%02d", check) + bban;
    }

    static List<String> products() {
        List<String> products = new ArrayList<>();
        String[][] ingredients = { { "Sildenafil", "sildenafil" }, { "Tadalafil", "tadalafil" }, { "Vardenafil", "vardenafil" },
                { "Tramadol", "tramadol" }, { "Oxycodone", "oxycodone" }, { "Alprazolam", "alprazolam" }, { "Diazepam", "diazepam" },
                { "Zolpidem", "zolpidem" }, { "Modafinil", "modafinil" }, { "Amoxicillin", "amoxicillin" },
                { "Azithromycin", "azithromycin" }, { "Ciprofloxacin", "ciprofloxacin" }, { "Sibutramine", "sibutramine" },
                { "Orlistat", "orlistat" }, { "Phentermine", "phentermine" }, { "Nandrolone", "nandrolone" },
                { "Stanozolol", "stanozolol" }, { "Finasteride", "finasteride" }, { "Isotretinoin", "isotretinoin" },
                { "Pregabalin", "pregabalin" } };
        String[] strengths = { "10mg", "20mg", "50mg", "100mg" };
        for (String[] ingredient : ingredients) {
            for (String strength : strengths) {
                products.add(ingredient[0] + " " + strength + "|" + ingredient[1]);
            }
        }
        return products;
    }

}
