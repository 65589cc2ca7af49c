package org.pangeagraph.resolution;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import com.ibm.icu.text.Transliterator;
import org.pangeagraph.model.NodeKind;

/**
 * Generated people, companies and websites written several ways, with the truth: which records are
 * one entity. Variants are what imports meet (typos, reordered and abbreviated names, names in
 * Cyrillic, legal forms, look-alike domains); hard negatives are different entities that look alike
 * (another person of the same common name, born another year; the same company name in another
 * country; another storefront of the same words). Deterministic for a seed.
 */
final class Variants {

    static final String[] FIRST = { "Ivan", "Sergei", "Dmitri", "Olga", "Anna", "Maria", "John", "James", "Robert", "Michael",
            "David", "Peter", "Thomas", "Paul", "Mark", "Laura", "Sarah", "Emma", "Lucas", "Pierre", "Jean", "Marco", "Luca",
            "Giulia", "Hans", "Klaus", "Jan", "Piotr", "Tomasz", "Ahmed", "Omar", "Wei", "Li", "Carlos", "Jose", "Ana", "Elena",
            "Nikolai", "Viktor", "Andrei", "Pavel", "Natalia", "Irina", "Yuri", "Boris", "Helena", "Stefan", "Karl", "Erik", "Nina" };

    static final String[] LAST = { "Petrov", "Ivanov", "Smirnov", "Kuznetsov", "Popov", "Sokolov", "Lebedev", "Kozlov", "Novikov",
            "Morozov", "Volkov", "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Taylor", "Martin",
            "Bernard", "Dubois", "Rossi", "Russo", "Ferrari", "Muller", "Schmidt", "Schneider", "Fischer", "Weber", "Kowalski",
            "Nowak", "Wisniewski", "Garcia", "Rodriguez", "Fernandez", "Lopez", "Martinez", "Hassan", "Ali", "Wang", "Zhang",
            "Chen", "Nielsen", "Jensen", "Hansen", "Andersson", "Johansson", "Karlsson", "Virtanen", "Horvath", "Nagy", "Papadopoulos",
            "Oconnor", "Murphy", "Kelly", "Walsh", "Byrne", "Ryan" };

    static final String[] COUNTRIES = { "GB", "DE", "FR", "NL", "RU", "UA", "PL", "IT", "ES", "CY", "US", "IN", "CN" };

    static final String[] COMPANY_WORDS = { "Acme", "Global", "Pharma", "Trade", "Nova", "Medica", "Alpha", "Omega", "Prime",
            "Vita", "Euro", "Baltic", "Atlas", "Orion", "Zenith", "Apex", "Delta", "Sigma", "Meridian", "Harbor", "Crown",
            "Summit", "Vertex", "Nordic", "Astra", "Helix", "Pinnacle", "Union", "Galaxy", "Titan" };

    static final String[] COMPANY_KINDS = { "Holdings", "Logistics", "Supplies", "Solutions", "Services", "Labs", "Group",
            "Distribution", "Consulting", "Partners" };

    static final String[][] LEGAL_FORMS = { { "Ltd", "Limited", "LTD.", "Ltd." }, { "GmbH", "G.m.b.H.", "GMBH" },
            { "S.A.", "SA", "S.A" }, { "B.V.", "BV" }, { "LLC", "L.L.C.", "Llc" }, { "Inc.", "Inc", "Incorporated" } };

    static final String[] SITE_WORDS = { "rx", "pharma", "meds", "pills", "care", "health", "online", "shop", "canada", "euro",
            "best", "cheap", "direct", "express", "drug", "store", "tablet", "cure", "life", "well", "vital", "prime", "smart",
            "fast", "secure", "global", "trusted", "maple", "royal", "green", "blue", "star", "medic", "apotheke", "farmacia" };

    static final String[] TLDS = { "example", "test", "com", "net", "org", "biz", "info", "ru", "co.uk", "de" };

    /** A generated record: the entity id, the truth (which original it is a way of writing), its kind and values. */
    record Entity(String id, String truth, NodeKind kind, Map<String, Object> values) {
    }

    private final Random random;

    private final List<Entity> entities = new ArrayList<>();

    private final Transliterator cyrillic = Transliterator.getInstance("Latin-Cyrillic");

    private int next;

    private final java.util.Set<String> labels = new java.util.HashSet<>();

    Variants(long seed) {
        this.random = new Random(seed);
    }

    List<Entity> entities() {
        return this.entities;
    }

    /** Syllables of made-up surnames, for a population with as many surnames as a real one. */
    static final String[] SYLLABLES = { "ka", "ro", "vi", "mar", "ten", "sto", "li", "ber", "gan", "do", "mi", "zel", "ta", "nor",
            "pe", "vak", "lu", "sen", "ha", "dra", "bo", "kin", "fa", "res", "go", "tel", "ju", "mos", "ne", "pra" };

    static final String[] ENDINGS = { "ov", "ova", "ski", "son", "er", "ez", "ini", "escu", "enko", "ic", "", "", "" };

    private boolean manySurnames;

    /**
     * People with made-up surnames (about a hundred thousand of them) instead of sixty common ones: a large
     * population, for the benchmark.
     */
    Variants withManySurnames() {
        this.manySurnames = true;
        return this;
    }

    private String surname() {
        if (!this.manySurnames) {
            return pick(LAST);
        }
        StringBuilder name = new StringBuilder();
        int syllables = 2 + this.random.nextInt(2);
        for (int s = 0; s < syllables; s++) {
            name.append(pick(SYLLABLES));
        }
        name.append(pick(ENDINGS));
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** {@code count} people, each written one to three more ways, and a hard negative for every fifth. */
    Variants people(int count) {
        for (int i = 0; i < count; i++) {
            String truth = "person-" + i;
            String first = pick(FIRST);
            String last = surname();
            LocalDate born = LocalDate.of(1950 + this.random.nextInt(50), 1 + this.random.nextInt(12), 1 + this.random.nextInt(28));
            String nationality = pick(COUNTRIES);
            add(truth, NodeKind.PERSON, person(first + " " + last, born, nationality));
            int variants = 1 + this.random.nextInt(3);
            for (int v = 0; v < variants; v++) {
                add(truth, NodeKind.PERSON, person(personVariant(first, last), maybe(0.85) ? bornVariant(born) : null,
                        maybe(0.7) ? nationality : null));
            }
            if (i % 5 == 0) {
                // Another person of the same name, born years apart.
                LocalDate other = born.plusYears(3 + this.random.nextInt(30)).withDayOfMonth(1 + this.random.nextInt(28));
                add("person-" + i + "-namesake", NodeKind.PERSON, person(first + " " + last, other, pick(COUNTRIES)));
            }
        }
        return this;
    }

    /** {@code count} companies, each written one or two more ways, and a namesake in another country for every fourth. */
    Variants companies(int count) {
        for (int i = 0; i < count; i++) {
            String truth = "company-" + i;
            String core = pick(COMPANY_WORDS) + " " + pick(COMPANY_WORDS) + " " + pick(COMPANY_KINDS);
            int form = this.random.nextInt(LEGAL_FORMS.length);
            String country = pick(COUNTRIES);
            add(truth, NodeKind.COMPANY, Map.of("name", core + " " + LEGAL_FORMS[form][0], "country", country));
            int variants = 1 + this.random.nextInt(2);
            for (int v = 0; v < variants; v++) {
                String name = companyVariant(core) + " " + LEGAL_FORMS[form][this.random.nextInt(LEGAL_FORMS[form].length)];
                add(truth, NodeKind.COMPANY, maybe(0.8) ? Map.of("name", name, "country", country) : Map.of("name", name));
            }
            if (i % 4 == 0) {
                String otherCountry = pick(COUNTRIES);
                if (!otherCountry.equals(country)) {
                    add(truth + "-namesake", NodeKind.COMPANY, Map.of("name", core + " " + pick(LEGAL_FORMS)[0], "country", otherCountry));
                }
            }
        }
        return this;
    }

    /** {@code count} storefronts, each with one to three look-alike successors. */
    Variants websites(int count) {
        for (int i = 0; i < count; i++) {
            String truth = "site-" + i;
            String label = siteLabel();
            // Two storefronts of the same letters are one look-alike by any measure: each original is new.
            while (!this.labels.add(label.replace("-", ""))) {
                label = siteLabel();
            }
            String tld = pick(TLDS);
            add(truth, NodeKind.WEBSITE, Map.of("domain", label + "." + tld));
            int variants = 1 + this.random.nextInt(3);
            for (int v = 0; v < variants; v++) {
                add(truth, NodeKind.WEBSITE, Map.of("domain", siteVariant(label, tld)));
            }
        }
        return this;
    }

    /** The pairs of records that are one entity. */
    java.util.Set<String> truePairs(NodeKind kind) {
        Map<String, List<String>> byTruth = new HashMap<>();
        this.entities.stream().filter(e -> e.kind() == kind)
            .forEach(e -> byTruth.computeIfAbsent(e.truth(), t -> new ArrayList<>()).add(e.id()));
        java.util.Set<String> pairs = new java.util.HashSet<>();
        byTruth.values().forEach(ids -> {
            for (int i = 0; i < ids.size(); i++) {
                for (int j = i + 1; j < ids.size(); j++) {
                    pairs.add(pairKey(ids.get(i), ids.get(j)));
                }
            }
        });
        return pairs;
    }

    static String pairKey(String a, String b) {
        return a.compareTo(b) <= 0 ? a + "|" + b : b + "|" + a;
    }

    private void add(String truth, NodeKind kind, Map<String, Object> values) {
        this.entities.add(new Entity(String.format(Locale.ROOT, "%s-%06d", kind.name().toLowerCase(Locale.ROOT), this.next++), truth, kind,
                values));
    }

    private static Map<String, Object> person(String name, LocalDate born, String nationality) {
        Map<String, Object> values = new HashMap<>();
        values.put("name", name);
        if (born != null) {
            values.put("dateOfBirth", born);
        }
        if (nationality != null) {
            values.put("nationality", nationality);
        }
        return values;
    }

    private String personVariant(String first, String last) {
        String f = first;
        String l = last;
        if (maybe(0.3)) {
            l = typo(l);
        }
        else if (maybe(0.25)) {
            l = spelling(l);
        }
        if (maybe(0.3)) {
            f = f.charAt(0) + ".";
        }
        else if (maybe(0.15)) {
            f = typo(f);
        }
        return switch (this.random.nextInt(5)) {
            case 0 -> l.toUpperCase(Locale.ROOT) + ", " + f;
            case 1 -> l + " " + f;
            case 2 -> f.endsWith(".") ? f + " " + l : this.cyrillic.transliterate(f + " " + l);
            case 3 -> (f + " " + l).toUpperCase(Locale.ROOT);
            default -> f + " " + l;
        };
    }

    private LocalDate bornVariant(LocalDate born) {
        if (maybe(0.05) && born.getDayOfMonth() <= 12) {
            return LocalDate.of(born.getYear(), born.getDayOfMonth(), born.getMonthValue());
        }
        return born;
    }

    private String companyVariant(String core) {
        String name = core;
        if (maybe(0.3)) {
            name = typo(name);
        }
        return switch (this.random.nextInt(4)) {
            case 0 -> name.toUpperCase(Locale.ROOT);
            case 1 -> name.toLowerCase(Locale.ROOT);
            case 2 -> this.cyrillic.transliterate(name);
            default -> name;
        };
    }

    private String siteLabel() {
        int words = 2 + this.random.nextInt(2);
        StringBuilder label = new StringBuilder();
        boolean hyphens = maybe(0.5);
        for (int w = 0; w < words; w++) {
            if (w > 0 && hyphens) {
                label.append('-');
            }
            label.append(pick(SITE_WORDS));
        }
        if (maybe(0.4)) {
            label.append(this.random.nextInt(100));
        }
        return label.toString();
    }

    private String siteVariant(String label, String tld) {
        String other = tld;
        String variant = label;
        switch (this.random.nextInt(7)) {
            case 0 -> variant = label.contains("m") ? label.replaceFirst("m", "rn") : label.replaceFirst("l", "1");
            case 1 -> variant = label.contains("o") ? label.replaceFirst("o", "0") : label.replaceFirst("e", "3");
            case 2 -> variant = label.contains("-") ? label.replace("-", "") : label.substring(0, label.length() / 2) + "-"
                    + label.substring(label.length() / 2);
            case 3 -> {
                do {
                    other = pick(TLDS);
                }
                while (other.equals(tld));
            }
            case 4 -> variant = label.replaceFirst("a", "\u0430");
            case 5 -> variant = typo(label);
            default -> variant = label + this.random.nextInt(10);
        }
        return variant + "." + other;
    }

    /** One letter doubled, dropped, swapped with the next or replaced by a neighbour on the keyboard. */
    private String typo(String word) {
        if (word.length() < 4) {
            return word;
        }
        int at = 1 + this.random.nextInt(word.length() - 2);
        char c = word.charAt(at);
        if (!Character.isLetter(c)) {
            return word;
        }
        return switch (this.random.nextInt(4)) {
            case 0 -> word.substring(0, at) + c + word.substring(at);
            case 1 -> word.substring(0, at) + word.substring(at + 1);
            case 2 -> word.substring(0, at) + word.charAt(at + 1) + c + word.substring(at + 2);
            default -> word.substring(0, at) + (char) (c == 'z' ? 'y' : c + 1) + word.substring(at + 1);
        };
    }

    /** Another way of spelling a surname by ear. */
    private static String spelling(String last) {
        if (last.endsWith("ov")) {
            return last.substring(0, last.length() - 2) + "off";
        }
        if (last.endsWith("sky")) {
            return last.substring(0, last.length() - 3) + "ski";
        }
        return last.replace("ph", "f").replace("ck", "k").replace("sch", "sh").replace("ll", "l");
    }

    private boolean maybe(double p) {
        return this.random.nextDouble() < p;
    }

    private <T> T pick(T[] values) {
        return values[this.random.nextInt(values.length)];
    }

}
