package org.pangeagraph.resolution;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.pangeagraph.model.NodeKind;

/**
 * Payment accounts: identifiers compared in a compact form (letters and digits, upper case), so that
 * one written with spaces, dashes or in lower case by an import meets its normal form, and an account
 * number meets the IBAN that holds it.
 */
final class AccountResolver extends KindResolver<AccountResolver.Form> {

    private static final Pattern IBAN = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{8,30}");

    /** An account number shorter than this is not looked for inside an IBAN. */
    static final int MIN_ACCOUNT_NUMBER = 8;

    /** An account as compared. */
    record Form(String written, String compact, boolean iban) {
    }

    @Override
    NodeKind kind() {
        return NodeKind.PAYMENT_ACCOUNT;
    }

    @Override
    List<String> properties() {
        return List.of("identifier");
    }

    @Override
    double prior() {
        return -1.5;
    }

    @Override
    Form prepare(Map<String, Object> values) {
        String written = values.get("identifier") instanceof String s ? s.strip() : "";
        String compact = written.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
        return new Form(written, compact, IBAN.matcher(compact).matches());
    }

    @Override
    Set<String> blockingKeys(Form account) {
        Set<String> keys = new LinkedHashSet<>();
        if (account.compact().length() >= MIN_ACCOUNT_NUMBER) {
            keys.add("a:" + account.compact());
            keys.add("a:" + account.compact().substring(account.compact().length() - MIN_ACCOUNT_NUMBER));
        }
        return keys;
    }

    @Override
    List<Feature> features(Form a, Form b) {
        List<Feature> features = new ArrayList<>();
        if (a.compact().equals(b.compact())) {
            features.add(Feature.of(a.iban() ? "SAME_IBAN" : "SAME_IDENTIFIER", 1, 5.0, (a.iban() ? "same IBAN " : "same identifier ")
                    + a.compact() + " written '" + a.written() + "' and '" + b.written() + "'"));
        }
        else if (a.iban() != b.iban()) {
            Form iban = a.iban() ? a : b;
            Form other = a.iban() ? b : a;
            if (other.compact().length() >= MIN_ACCOUNT_NUMBER && iban.compact().endsWith(other.compact())) {
                features.add(Feature.of("ACCOUNT_IN_IBAN", 0.9, 3.5, "account number " + other.compact() + " ends IBAN " + iban.compact()));
            }
        }
        if (features.isEmpty()) {
            features.add(Feature.of("IDENTIFIER", 0, -3.0, "identifiers " + a.compact() + " vs " + b.compact()
                    + " share only their last " + MIN_ACCOUNT_NUMBER + " characters"));
        }
        return features;
    }

}
