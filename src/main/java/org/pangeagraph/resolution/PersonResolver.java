package org.pangeagraph.resolution;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.pangeagraph.model.NodeKind;

/**
 * People: their names and aliases compared whatever the order, case, punctuation and script ("PETROV,
 * Ivan", "I. Petroff", "Иван Петров"), by words that are equal, sound alike or differ by a typo, and
 * initials; the date of birth and nationality for or against. Blocked on the phonetic codes of one word
 * of a name and on that word with each letter left out, each with the initial of another word, so that
 * "Petroff, I." meets "Ivan Petrov" and "Wilton, J." meets "Jean Wilson".
 */
final class PersonResolver extends KindResolver<PersonResolver.Form> {

    /** Words that are no part of a name. */
    private static final Set<String> HONORIFICS = Set.of("mr", "mrs", "ms", "miss", "dr", "herr", "frau", "sr", "jr", "mme",
            "sig", "sra", "gospodin");

    /** The similarity of an initial to a word it begins. */
    static final double INITIAL = 0.9;

    /** A name's words and how it was written. */
    record Name(String written, List<String> words, boolean alias) {
    }

    /** A person as compared. */
    record Form(List<Name> names, LocalDate birthDate, String nationality) {
    }

    @Override
    NodeKind kind() {
        return NodeKind.PERSON;
    }

    @Override
    List<String> properties() {
        return List.of("name", "aliases", "dateOfBirth", "nationality");
    }

    @Override
    double prior() {
        return -1.0;
    }

    @Override
    Form prepare(Map<String, Object> values) {
        List<Name> names = new ArrayList<>();
        if (values.get("name") instanceof String name) {
            add(names, name, false);
        }
        if (values.get("aliases") instanceof List<?> aliases) {
            aliases.stream().filter(String.class::isInstance).forEach(a -> add(names, (String) a, true));
        }
        return new Form(names, date(values.get("dateOfBirth")), values.get("nationality") instanceof String n ? n : null);
    }

    private static void add(List<Name> names, String written, boolean alias) {
        List<String> words = Texts.tokens(written).stream().filter(w -> !HONORIFICS.contains(w)).toList();
        if (!words.isEmpty()) {
            names.add(new Name(written.strip(), words, alias));
        }
    }

    @Override
    Set<String> blockingKeys(Form person) {
        Set<String> keys = new LinkedHashSet<>();
        for (Name name : person.names()) {
            List<String> words = name.words();
            for (int i = 0; i < words.size(); i++) {
                String word = words.get(i);
                if (word.length() < 2) {
                    continue;
                }
                List<String> initials = new ArrayList<>();
                for (int j = 0; j < words.size(); j++) {
                    if (j != i) {
                        initials.add(words.get(j).substring(0, 1));
                    }
                }
                if (initials.isEmpty()) {
                    initials.add("");
                }
                for (String initial : initials) {
                    Texts.metaphones(word).forEach(code -> keys.add("m:" + code + "|" + initial));
                    Texts.daitchMokotoff(word).forEach(code -> keys.add("d:" + code + "|" + initial));
                    // A typo that changes how the word sounds: two words one edit apart share a word with one letter left out.
                    if (word.length() >= 4) {
                        keys.add("t:" + word + "|" + initial);
                        Texts.deletions(word).forEach(d -> keys.add("t:" + d + "|" + initial));
                    }
                }
            }
        }
        return keys;
    }

    @Override
    List<Feature> features(Form a, Form b) {
        List<Feature> features = new ArrayList<>();
        nameFeature(a, b, features);
        birthDateFeature(a.birthDate(), b.birthDate(), features);
        if (a.nationality() != null && b.nationality() != null) {
            features.add(Feature.agreement("NATIONALITY", a.nationality().equals(b.nationality()), 0.4, -1.2,
                    "nationality " + a.nationality() + " for both", "nationalities " + a.nationality() + " vs " + b.nationality()));
        }
        return features;
    }

    /** The best-matching pair of the two people's names and aliases. */
    private static void nameFeature(Form a, Form b, List<Feature> features) {
        NameMatch best = null;
        for (Name x : a.names()) {
            for (Name y : b.names()) {
                NameMatch match = NameMatch.of(x, y);
                if (best == null || match.score() > best.score()) {
                    best = match;
                }
            }
        }
        if (best == null) {
            return;
        }
        double weight = Feature.nameWeight(best.score(), 20, 0.82);
        String name = best.a().alias() || best.b().alias() ? "ALIAS" : "NAME";
        features.add(Feature.of(name, best.score(), weight, "'" + best.a().written() + "' vs '" + best.b().written() + "': "
                + Texts.round(best.score()) + (best.how().isEmpty() ? "" : " (" + String.join("; ", best.how()) + ")")));
    }

    private static void birthDateFeature(LocalDate a, LocalDate b, List<Feature> features) {
        if (a == null || b == null) {
            return;
        }
        if (a.equals(b)) {
            features.add(Feature.of("BIRTH_DATE", 1, 2.5, "dates of birth equal: " + a));
        }
        else if (a.getYear() == b.getYear()) {
            boolean swapped = a.getMonthValue() == b.getDayOfMonth() && a.getDayOfMonth() == b.getMonthValue();
            boolean halfSame = a.getMonthValue() == b.getMonthValue() || a.getDayOfMonth() == b.getDayOfMonth();
            features.add(swapped || halfSame
                    ? Feature.of("BIRTH_DATE", 0.7, 1.0, "dates of birth " + a + " vs " + b
                            + (swapped ? ": day and month swapped" : ": same year, one of day and month differs"))
                    : Feature.of("BIRTH_DATE", 0.4, -0.5, "dates of birth " + a + " vs " + b + ": same year only"));
        }
        else {
            int years = Math.abs(a.getYear() - b.getYear());
            features.add(years == 1
                    ? Feature.of("BIRTH_DATE", 0.3, -1.0, "birth years " + a.getYear() + " vs " + b.getYear())
                    : Feature.of("BIRTH_DATE", 0, -4.0, "birth years " + a.getYear() + " vs " + b.getYear()));
        }
    }

    /** A stored date of birth: a date, or text beginning with one (as some imports write it). */
    static LocalDate date(Object value) {
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof String text && text.length() >= 10) {
            try {
                return LocalDate.parse(text.substring(0, 10));
            }
            catch (DateTimeParseException ex) {
                return null;
            }
        }
        return null;
    }

    /** How alike two names are: their words paired best first, and what each pairing rests on. */
    record NameMatch(Name a, Name b, double score, List<String> how) {

        static NameMatch of(Name a, Name b) {
            List<String> x = a.words();
            List<String> y = b.words();
            boolean[] usedX = new boolean[x.size()];
            boolean[] usedY = new boolean[y.size()];
            List<double[]> pairs = new ArrayList<>();
            for (int i = 0; i < x.size(); i++) {
                for (int j = 0; j < y.size(); j++) {
                    pairs.add(new double[] { words(x.get(i), y.get(j)), i, j });
                }
            }
            pairs.sort((p, q) -> Double.compare(q[0], p[0]));
            double sum = 0;
            int matched = 0;
            boolean wordMatch = false;
            List<String> how = new ArrayList<>();
            for (double[] pair : pairs) {
                int i = (int) pair[1];
                int j = (int) pair[2];
                if (usedX[i] || usedY[j] || matched == Math.min(x.size(), y.size())) {
                    continue;
                }
                usedX[i] = true;
                usedY[j] = true;
                matched++;
                sum += pair[0];
                String u = x.get(i);
                String v = y.get(j);
                wordMatch |= u.length() > 1 && v.length() > 1 && pair[0] >= 0.85;
                describe(u, v, pair[0], how);
            }
            int unmatched = Math.max(x.size(), y.size()) - matched;
            double score = matched == 0 ? 0 : sum / (matched + 0.25 * unmatched);
            if (!wordMatch) {
                // Initials alone ("I. P." and "Ivan Petrov") say little.
                score = Math.min(score, 0.6);
            }
            return new NameMatch(a, b, score, how);
        }

        /** How alike two words of a name are. */
        static double words(String u, String v) {
            if (u.equals(v)) {
                return 1;
            }
            if (u.length() == 1 || v.length() == 1) {
                return u.charAt(0) == v.charAt(0) ? INITIAL : 0;
            }
            // Jaro-Winkler favours a shared beginning ("martin" and "martinez" 0.95); edits, with a swap of two
            // neighbours one edit, do not: the mean of both tells a typo from another name.
            double similarity = (Texts.jaroWinkler(u, v) + 1 - (double) Texts.damerau(u, v) / Math.max(u.length(), v.length())) / 2;
            return Math.abs(u.length() - v.length()) <= 1 && Texts.soundAlike(u, v) ? Math.max(similarity, 0.9) : similarity;
        }

        private static void describe(String u, String v, double score, List<String> how) {
            if (u.equals(v)) {
                return;
            }
            if (u.length() == 1 || v.length() == 1) {
                if (score > 0) {
                    how.add((u.length() == 1 ? u + " is the initial of " + v : v + " is the initial of " + u));
                }
            }
            else if (Math.abs(u.length() - v.length()) <= 1 && Texts.soundAlike(u, v)) {
                how.add(u + " sounds like " + v);
            }
            else {
                how.add(u + " ~ " + v + " " + Texts.round(score));
            }
        }

    }

}
