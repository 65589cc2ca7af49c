package org.pangeagraph.resolution;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import org.pangeagraph.model.NodeKind;

/**
 * Phone numbers: the national significant number (libphonenumber), so that a number an import left
 * as written ("0044 20 7946 0321", "(020) 7946 0321") meets its E.164 form, and the same subscriber
 * number under another country code is proposed with less weight.
 */
final class PhoneResolver extends KindResolver<PhoneResolver.Form> {

    /** The trailing digits a block is keyed on. */
    static final int TAIL = 8;

    /** A number as compared. */
    record Form(String written, String digits, String national, Integer countryCode) {
    }

    @Override
    NodeKind kind() {
        return NodeKind.PHONE_NUMBER;
    }

    @Override
    List<String> properties() {
        return List.of("number");
    }

    @Override
    double prior() {
        return -1.5;
    }

    @Override
    Form prepare(Map<String, Object> values) {
        String written = values.get("number") instanceof String s ? s.strip() : "";
        String digits = written.replaceAll("[^0-9]", "");
        String national = digits.replaceFirst("^0+", "");
        Integer country = null;
        String text = written.startsWith("00") ? "+" + written.substring(2) : written;
        if (text.startsWith("+")) {
            try {
                var number = PhoneNumberUtil.getInstance().parse(text, "ZZ");
                national = String.valueOf(number.getNationalNumber());
                country = number.getCountryCode();
            }
            catch (NumberParseException ex) {
                // compared on its digits alone
            }
        }
        return new Form(written, digits, national, country);
    }

    @Override
    Set<String> blockingKeys(Form phone) {
        Set<String> keys = new LinkedHashSet<>();
        if (phone.national().length() >= TAIL) {
            keys.add("p:" + phone.national().substring(phone.national().length() - TAIL));
        }
        return keys;
    }

    @Override
    List<Feature> features(Form a, Form b) {
        List<Feature> features = new ArrayList<>();
        boolean sameCountry = a.countryCode() == null || b.countryCode() == null || a.countryCode().equals(b.countryCode());
        if (a.national().equals(b.national())) {
            features.add(sameCountry
                    ? Feature.of("SAME_NUMBER", 1, 5.0, "same national number " + a.national() + " written '" + a.written() + "' and '"
                            + b.written() + "'")
                    : Feature.of("SAME_NUMBER_OTHER_COUNTRY", 0.6, 1.0, "national number " + a.national() + " under country codes +"
                            + a.countryCode() + " and +" + b.countryCode()));
        }
        else {
            features.add(Feature.of("LAST_DIGITS", 0.3, -1.0, "numbers " + a.national() + " and " + b.national() + " end alike"));
        }
        return features;
    }

}
