package org.pangeagraph.resolution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.pangeagraph.model.NodeKind;

/**
 * Companies: names compared without their legal form ("Acme Pharma Ltd", "ACME PHARMA LIMITED", "Acme
 * Pharma GmbH" are one name), in any script; the country and the registration number for or against.
 * Blocked on the name without its legal form, and on the sound of its first word.
 */
final class CompanyResolver extends KindResolver<CompanyResolver.Form> {

    /**
     * Legal forms, as the words they are written in once punctuation is dropped ("S.A." is "s a"), longest
     * first so that "limited liability company" goes before "company".
     */
    static final List<List<String>> LEGAL_FORMS = legalForms("limited liability company", "limited liability partnership",
            "public limited company", "private limited company", "sp z o o", "spolka z o o", "s de r l", "s r l", "s r o",
            "s a r l", "s a s", "s p a", "b v", "n v", "s a", "a s", "a g", "o o o", "z o o", "gmbh co kg", "gmbh", "mbh", "ag",
            "kg", "ohg", "ltd", "limited", "llc", "llp", "lp", "plc", "inc", "incorporated", "corp", "corporation", "co",
            "company", "sa", "sarl", "sas", "srl", "sro", "spa", "bv", "nv", "oy", "oyj", "ab", "as", "asa", "aps", "kft", "zrt",
            "ooo", "oao", "zao", "pao", "tov", "pte", "pty", "sdn bhd", "bhd", "fze", "fzco", "lda", "ltda", "eood", "ood");

    /** Legal forms written before the name ("OOO Romashka", "PT Maju"). */
    static final Set<String> LEADING_FORMS = Set.of("ooo", "oao", "zao", "pao", "tov", "pt", "cv");

    /** A company as compared. */
    record Form(String written, List<String> core, String joined, String country, String registrationNumber) {
    }

    @Override
    NodeKind kind() {
        return NodeKind.COMPANY;
    }

    @Override
    List<String> properties() {
        return List.of("name", "country", "registrationNumber");
    }

    @Override
    double prior() {
        return -1.0;
    }

    @Override
    Form prepare(Map<String, Object> values) {
        String name = values.get("name") instanceof String n ? n : "";
        List<String> core = withoutLegalForm(Texts.tokens(name));
        String registration = values.get("registrationNumber") instanceof String r
                ? r.replaceAll("[^A-Za-z0-9]", "").toUpperCase(java.util.Locale.ROOT) : null;
        return new Form(name.strip(), core, String.join("", core), values.get("country") instanceof String c ? c : null,
                registration == null || registration.isEmpty() ? null : registration);
    }

    /** The words of a name without the legal forms at its end (or, for some, at its start: "OOO Romashka"). */
    static List<String> withoutLegalForm(List<String> words) {
        List<String> core = new ArrayList<>(words);
        boolean cut = true;
        while (cut && core.size() > 1) {
            cut = false;
            for (List<String> form : LEGAL_FORMS) {
                if (core.size() > form.size() && core.subList(core.size() - form.size(), core.size()).equals(form)) {
                    core = new ArrayList<>(core.subList(0, core.size() - form.size()));
                    cut = true;
                    break;
                }
            }
            if (!cut && LEADING_FORMS.contains(core.get(0))) {
                core = new ArrayList<>(core.subList(1, core.size()));
                cut = true;
            }
        }
        return core;
    }

    @Override
    Set<String> blockingKeys(Form company) {
        Set<String> keys = new LinkedHashSet<>();
        if (company.joined().isEmpty()) {
            return keys;
        }
        keys.add("c:" + company.joined());
        String first = company.core().get(0);
        String second = company.core().size() > 1 ? company.core().get(1).substring(0, 1) : "";
        Texts.metaphones(first).forEach(code -> keys.add("cm:" + code + "|" + second));
        return keys;
    }

    @Override
    List<Feature> features(Form a, Form b) {
        List<Feature> features = new ArrayList<>();
        if (!a.joined().isEmpty() && !b.joined().isEmpty()) {
            features.add(Feature.names("NAME_WITHOUT_LEGAL_FORM", String.join(" ", a.core()), String.join(" ", b.core()), a.written(),
                    b.written()));
        }
        if (a.country() != null && b.country() != null) {
            features.add(Feature.agreement("COUNTRY", a.country().equals(b.country()), 0.5, -2.0, "both in " + a.country(),
                    "countries " + a.country() + " vs " + b.country()));
        }
        if (a.registrationNumber() != null && b.registrationNumber() != null) {
            features.add(Feature.agreement("REGISTRATION_NUMBER", a.registrationNumber().equals(b.registrationNumber()), 3.0, -3.0,
                    "same registration number " + a.registrationNumber(),
                    "registration numbers " + a.registrationNumber() + " vs " + b.registrationNumber()));
        }
        return features;
    }

    private static List<List<String>> legalForms(String... forms) {
        return Arrays.stream(forms).map(f -> List.of(f.split(" "))).sorted((x, y) -> y.size() - x.size()).toList();
    }

}
