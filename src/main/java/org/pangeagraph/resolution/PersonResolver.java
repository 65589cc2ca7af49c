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

    /** A name's words (with their phonetic codes) and how it was written. */
    record Name(String written, List<String> words, List<Texts.Word> coded, boolean alias) {
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
            names.add(new Name(written.strip(), words, words.stream().map(Texts::word).toList(), alias));
        }
    }

    @Override
    Set<String> blockingKeys(Form person) {
        Set<String> keys = new LinkedHashSet<>();
        for (Name name : person.names()) {
            List<String> words = name.words();
            for (int i = 0; i < words.size(); i++) {
                String word = words.get(i);
                Texts.Word coded = name.coded().get(i);
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
                    coded.metaphones().forEach(code -> keys.add("m:" + code + "|" + initial));
                    coded.daitchMokotoff().forEach(code -> keys.add("d:" + code + "|" + initial));
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
    record NameMatch(Name a, Name b, double score, List<int[]> pairs) {

        static NameMatch of(Name a, Name b) {
            List<Texts.Word> x = a.coded();
            List<Texts.Word> y = b.coded();
            double[][] similarity = new double[x.size()][y.size()];
            for (int i = 0; i < x.size(); i++) {
                for (int j = 0; j < y.size(); j++) {
                    similarity[i][j] = words(x.get(i), y.get(j));
                }
            }
            boolean[] usedX = new boolean[x.size()];
            boolean[] usedY = new boolean[y.size()];
            int pairsWanted = Math.min(x.size(), y.size());
            double sum = 0;
            boolean wordMatch = false;
            List<int[]> pairs = new ArrayList<>();
            // The most alike words first, each word once (names have a handful of words).
            while (pairs.size() < pairsWanted) {
                int bi = -1;
                int bj = -1;
                for (int i = 0; i < x.size(); i++) {
                    for (int j = 0; j < y.size(); j++) {
                        if (!usedX[i] && !usedY[j] && (bi < 0 || similarity[i][j] > similarity[bi][bj])) {
                            bi = i;
                            bj = j;
                        }
                    }
                }
                usedX[bi] = true;
                usedY[bj] = true;
                pairs.add(new int[] { bi, bj });
                sum += similarity[bi][bj];
                wordMatch |= x.get(bi).text().length() > 1 && y.get(bj).text().length() > 1 && similarity[bi][bj] >= 0.85;
            }
            int unmatched = Math.max(x.size(), y.size()) - pairsWanted;
            double score = pairsWanted == 0 ? 0 : sum / (pairsWanted + 0.25 * unmatched);
            if (!wordMatch) {
                // Initials alone ("I. P." and "Ivan Petrov") say little.
                score = Math.min(score, 0.6);
            }
            return new NameMatch(a, b, score, pairs);
        }

        /** How alike two words of a name are. */
        static double words(Texts.Word u, Texts.Word v) {
            String s = u.text();
            String t = v.text();
            if (s.equals(t)) {
                return 1;
            }
            if (s.length() == 1 || t.length() == 1) {
                return s.charAt(0) == t.charAt(0) ? INITIAL : 0;
            }
            // Jaro-Winkler favours a shared beginning ("martin" and "martinez" 0.95); edits, with a swap of two
            // neighbours one edit, do not: the mean of both tells a typo from another name.
            double similarity = (Texts.jaroWinkler(s, t) + 1 - (double) Texts.damerau(s, t) / Math.max(s.length(), t.length())) / 2;
            return Math.abs(s.length() - t.length()) <= 1 && u.soundsLike(v) ? Math.max(similarity, 0.9) : similarity;
        }

        static double words(String u, String v) {
            return words(Texts.word(u), Texts.word(v));
        }

        /** What each pairing of words rests on, in words. */
        List<String> how() {
            List<String> how = new ArrayList<>();
            for (int[] pair : this.pairs) {
                Texts.Word u = this.a.coded().get(pair[0]);
                Texts.Word v = this.b.coded().get(pair[1]);
                String s = u.text();
                String t = v.text();
                double score = words(u, v);
                if (s.equals(t)) {
                    continue;
                }
                if (s.length() == 1 || t.length() == 1) {
                    if (score > 0) {
                        how.add(s.length() == 1 ? s + " is the initial of " + t : t + " is the initial of " + s);
                    }
                }
                else if (Math.abs(s.length() - t.length()) <= 1 && u.soundsLike(v)) {
                    how.add(s + " sounds like " + t);
                }
                else {
                    how.add(s + " ~ " + t + " " + Texts.round(score));
                }
            }
            return how;
        }

    }

}
