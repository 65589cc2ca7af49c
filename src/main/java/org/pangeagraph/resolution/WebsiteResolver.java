package org.pangeagraph.resolution;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.google.common.net.InternetDomainName;
import com.ibm.icu.text.SpoofChecker;
import org.pangeagraph.model.NodeKind;

/**
 * Websites: look-alike domains of one storefront. The registrable domain is cut into its label and
 * public suffix (Guava's public suffix list; the documentation TLDs count as suffixes), and labels are
 * compared after undoing the tricks of look-alikes: confusable characters (ICU4J {@code SpoofChecker}
 * skeletons: {@code rn} for {@code m}, {@code 0} for {@code o}), hyphens, digits for letters, another
 * TLD; what is left is weighed by edit distance. Blocked on that canonical label and on it with each
 * character left out, so that two labels one edit apart meet.
 */
final class WebsiteResolver extends KindResolver<WebsiteResolver.Form> {

    /** Digits written for the letters they look like, once skeletons have taken 0 and 1. */
    private static final Map<Character, Character> DIGIT_LETTERS = Map.of('0', 'o', '1', 'l', '2', 'z', '3', 'e', '4', 'a',
            '5', 's', '6', 'b', '7', 't', '8', 'b', '9', 'g');

    private static final ThreadLocal<SpoofChecker> SPOOF = ThreadLocal.withInitial(() -> new SpoofChecker.Builder().build());

    /** Labels shorter than this are not blocked one edit apart: too many short labels are one edit apart by chance. */
    static final int MIN_FUZZY_LENGTH = 5;

    /** A website as compared. */
    record Form(String domain, String label, String suffix, String skeleton, String canonical) {
    }

    @Override
    NodeKind kind() {
        return NodeKind.WEBSITE;
    }

    @Override
    List<String> properties() {
        return List.of("domain");
    }

    @Override
    double prior() {
        return -1.5;
    }

    @Override
    Form prepare(Map<String, Object> values) {
        String domain = values.get("domain") instanceof String d ? d.toLowerCase(Locale.ROOT) : "";
        String[] parts = registrable(domain);
        // A homoglyph of another script is stored as punycode ("xn--..."): compared as it shows.
        parts[0] = unicode(parts[0]);
        String label = parts[0];
        String skeleton = skeleton(label);
        return new Form(domain, label, parts[1], skeleton, canonical(skeleton));
    }

    /** The label of the registrable domain and its public suffix ({@code rx-pharma24}, {@code co.uk}). */
    static String[] registrable(String domain) {
        try {
            InternetDomainName name = InternetDomainName.from(domain);
            if (name.isUnderPublicSuffix()) {
                String suffix = name.publicSuffix().toString();
                String top = name.topPrivateDomain().toString();
                return new String[] { top.substring(0, top.length() - suffix.length() - 1), suffix };
            }
        }
        catch (IllegalArgumentException | IllegalStateException ex) {
            // not a name Guava reads: cut at the last dot below
        }
        String[] labels = domain.split("\\.");
        if (labels.length < 2) {
            return new String[] { domain, "" };
        }
        return new String[] { labels[labels.length - 2], labels[labels.length - 1] };
    }

    private static String unicode(String label) {
        try {
            return java.net.IDN.toUnicode(label, java.net.IDN.ALLOW_UNASSIGNED);
        }
        catch (IllegalArgumentException ex) {
            return label;
        }
    }

    /** The label as it looks: confusable characters replaced by their prototypes, lower case. */
    static String skeleton(String label) {
        return SPOOF.get().getSkeleton(SpoofChecker.ANY_CASE, label).toLowerCase(Locale.ROOT);
    }

    /** A skeleton without hyphens and with digits read as the letters they stand for. */
    static String canonical(String skeleton) {
        StringBuilder out = new StringBuilder(skeleton.length());
        for (char c : skeleton.toCharArray()) {
            if (c != '-' && c != '_') {
                out.append(DIGIT_LETTERS.getOrDefault(c, c));
            }
        }
        return out.toString();
    }

    @Override
    Set<String> blockingKeys(Form site) {
        Set<String> keys = new LinkedHashSet<>();
        if (site.canonical().isEmpty()) {
            return keys;
        }
        keys.add("w:" + site.canonical());
        if (site.canonical().length() >= MIN_FUZZY_LENGTH) {
            Texts.deletions(site.canonical()).forEach(d -> keys.add("w:" + d));
        }
        return keys;
    }

    @Override
    List<Feature> features(Form a, Form b) {
        List<Feature> features = new ArrayList<>();
        if (a.label().equals(b.label())) {
            if (!a.suffix().equals(b.suffix())) {
                features.add(Feature.of("TLD_SWAP", 1, 4.0, "same label '" + a.label() + "' under ." + a.suffix() + " and ." + b.suffix()));
            }
            return features;
        }
        String tld = a.suffix().equals(b.suffix()) ? "" : "; TLDs ." + a.suffix() + " vs ." + b.suffix();
        if (a.canonical().equals(b.canonical())) {
            // The first trick that explains the look-alike carries the weight; the others are named beside it.
            List<Feature> tricks = new ArrayList<>();
            String plainA = a.label().replace("-", "");
            String plainB = b.label().replace("-", "");
            if (!plainA.equals(plainB)) {
                if (skeleton(plainA).equals(skeleton(plainB))) {
                    tricks.add(Feature.of("SKELETON", 1, 0, "skeleton equal: '" + a.label() + "' and '" + b.label() + "' both look like '"
                            + (a.skeleton().equals(b.skeleton()) ? a.skeleton() : skeleton(plainA)) + "'"));
                }
                else {
                    tricks.add(Feature.of("DIGIT_LETTER_SWAP", 1, 0, "'" + a.label() + "' and '" + b.label()
                            + "' read alike with digits for the letters they look like"));
                }
            }
            boolean hyphensDiffer = plainA.equals(plainB) ? !a.label().equals(b.label())
                    : a.label().length() - plainA.length() != b.label().length() - plainB.length();
            if (hyphensDiffer) {
                tricks.add(Feature.of("HYPHEN_SWAP", 1, 0, "'" + a.label() + "' and '" + b.label() + "' differ by hyphens"));
            }
            if (!a.suffix().equals(b.suffix())) {
                tricks.add(Feature.of("TLD_SWAP", 1, 0, "TLDs ." + a.suffix() + " vs ." + b.suffix()));
            }
            if (tricks.isEmpty()) {
                tricks.add(Feature.of("LOOK_ALIKE", 1, 0, "'" + a.label() + "' and '" + b.label() + "' read alike"));
            }
            Feature first = tricks.get(0);
            features.add(new Feature(first.name(), 1, 4.0, first.detail(), List.of()));
            features.addAll(tricks.subList(1, tricks.size()));
            return features;
        }
        int distance = Texts.levenshtein(a.canonical(), b.canonical());
        int length = Math.max(a.canonical().length(), b.canonical().length());
        double similarity = 1 - (double) distance / Math.max(1, length);
        double weight;
        if (distance == 1 && length >= MIN_FUZZY_LENGTH) {
            weight = 2.5;
        }
        else if (distance == 2 && length >= 10) {
            weight = 0.5;
        }
        else {
            weight = -3.0;
        }
        // Counted once look-alike characters, hyphens and digits are read alike.
        features.add(Feature.of("EDIT_DISTANCE", similarity, weight, "labels '" + a.label() + "' and '" + b.label() + "' "
                + distance + (distance == 1 ? " edit" : " edits") + " apart" + tld));
        return features;
    }

}
