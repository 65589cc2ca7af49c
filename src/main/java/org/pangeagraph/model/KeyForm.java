package org.pangeagraph.model;

import java.net.IDN;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.google.common.net.InetAddresses;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import org.apache.commons.validator.routines.DomainValidator;
import org.apache.commons.validator.routines.EmailValidator;
import org.apache.commons.validator.routines.IBANValidator;
import org.apache.commons.validator.routines.InetAddressValidator;

/**
 * The normal form of each kind of natural key (the README's graph model), in one place per key kind. Every write,
 * lookup, search and import passes keys through here, so that "HTTPS://WWW.Shop.Example/buy" and
 * "shop.example" are one website. Validation comes from well-kept libraries (commons-validator,
 * libphonenumber, Guava), not from hand-written rules.
 */
public enum KeyForm {

    /** Lower case, IDNA ASCII, no scheme, no {@code www.}, no port, path or trailing dot. */
    DOMAIN {
        @Override
        public String normalise(String raw) {
            String s = raw.strip();
            int scheme = s.indexOf("://");
            if (scheme >= 0) {
                s = s.substring(scheme + 3);
            }
            s = cutAtFirst(s, "/?#");
            int at = s.lastIndexOf('@');
            if (at >= 0) {
                s = s.substring(at + 1);
            }
            int colon = s.indexOf(':');
            if (colon >= 0) {
                s = s.substring(0, colon);
            }
            while (s.endsWith(".")) {
                s = s.substring(0, s.length() - 1);
            }
            String ascii;
            try {
                ascii = IDN.toASCII(s, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
            }
            catch (IllegalArgumentException ex) {
                throw new InvalidValueException("is not a valid domain name");
            }
            // Repeated ("www.www.shop.example") until none is left, so that the normal form is its own normal form.
            while (ascii.startsWith("www.") && ascii.indexOf('.', 4) > 0) {
                ascii = ascii.substring(4);
            }
            if (!Domains.VALIDATOR.isValid(ascii)) {
                throw new InvalidValueException("is not a valid domain name");
            }
            return ascii;
        }
    },

    /** IPv4 dotted quad without leading zeros; IPv6 in RFC 5952 text form. */
    IP_ADDRESS {
        private static final Pattern DOTTED_QUAD = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

        @Override
        public String normalise(String raw) {
            String s = raw.strip();
            if (s.startsWith("[") && s.endsWith("]")) {
                s = s.substring(1, s.length() - 1);
            }
            if (DOTTED_QUAD.matcher(s).matches()) {
                // Leading zeros are written by some tools ("010.000.000.001"); they are decimal, not octal.
                StringBuilder quad = new StringBuilder();
                for (String octet : s.split("\\.")) {
                    quad.append(quad.isEmpty() ? "" : ".").append(Integer.parseInt(octet));
                }
                s = quad.toString();
            }
            // commons-validator also accepts a zone ("fe80::1%eth0") and a prefix length ("2001:db8::1/64"): they
            // name an interface or a network, not one address, and Guava below cannot read the prefix.
            if (s.indexOf('%') >= 0 || s.indexOf('/') >= 0 || !InetAddressValidator.getInstance().isValid(s)) {
                throw new InvalidValueException("is not a valid IPv4 or IPv6 address");
            }
            return InetAddresses.toAddrString(InetAddresses.forString(s));
        }
    },

    /** Names of organisations and products: trimmed, inner spaces folded, lower case. */
    NAME {
        @Override
        public String normalise(String raw) {
            String s = foldSpaces(raw).toLowerCase(Locale.ROOT);
            if (s.isEmpty()) {
                throw new InvalidValueException("must not be blank");
            }
            return s;
        }
    },

    /** Trimmed, lower case, a syntactically valid address. */
    EMAIL {
        @Override
        public String normalise(String raw) {
            String s = raw.strip().toLowerCase(Locale.ROOT);
            if (s.startsWith("mailto:")) {
                s = s.substring("mailto:".length());
            }
            int at = s.lastIndexOf('@');
            if (at > 0) {
                // The domain part follows the same IDNA rules as websites.
                try {
                    s = s.substring(0, at + 1) + IDN.toASCII(s.substring(at + 1), IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
                }
                catch (IllegalArgumentException ex) {
                    throw new InvalidValueException("is not a valid e-mail address");
                }
            }
            if (!Domains.EMAIL.isValid(s)) {
                throw new InvalidValueException("is not a valid e-mail address");
            }
            return s;
        }
    },

    /** E.164: {@code +} and digits, a number valid for its country. */
    PHONE {
        @Override
        public String normalise(String raw) {
            String s = raw.strip();
            if (s.startsWith("00")) {
                s = "+" + s.substring(2);
            }
            if (!s.startsWith("+")) {
                throw new InvalidValueException("must be in international form, starting with + and the country code");
            }
            PhoneNumberUtil util = PhoneNumberUtil.getInstance();
            try {
                var number = util.parse(s, "ZZ");
                if (!util.isValidNumber(number)) {
                    throw new InvalidValueException("is not a valid phone number");
                }
                return util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
            }
            catch (NumberParseException ex) {
                throw new InvalidValueException("is not a valid phone number");
            }
        }
    },

    /** IBANs: upper case, no spaces, checksum valid. Other account identifiers: trimmed. */
    PAYMENT_IDENTIFIER {
        private static final Pattern IBAN_SHAPE = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{8,30}");

        @Override
        public String normalise(String raw) {
            String trimmed = raw.strip();
            if (trimmed.isEmpty()) {
                throw new InvalidValueException("must not be blank");
            }
            String compact = trimmed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
            if (!IBAN_SHAPE.matcher(compact).matches()) {
                return trimmed;
            }
            if (!IBANValidator.getInstance().isValid(compact)) {
                throw new InvalidValueException("looks like an IBAN but its length or check digits are wrong");
            }
            return compact;
        }
    },

    /** Trimmed, upper case, no spaces. */
    TRACKING_NUMBER {
        @Override
        public String normalise(String raw) {
            String s = raw.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
            if (s.isEmpty()) {
                throw new InvalidValueException("must not be blank");
            }
            return s;
        }
    },

    /** Postal addresses: trimmed, spaces folded, lower case. */
    ADDRESS {
        @Override
        public String normalise(String raw) {
            return NAME.normalise(raw);
        }
    },

    /** Operation codes and case numbers: trimmed, upper case. */
    CODE {
        private static final Pattern ALLOWED = Pattern.compile("[A-Z0-9][A-Z0-9 ._/:-]*");

        @Override
        public String normalise(String raw) {
            String s = foldSpaces(raw).toUpperCase(Locale.ROOT);
            if (!ALLOWED.matcher(s).matches()) {
                throw new InvalidValueException("may hold letters, digits, spaces and . _ / : - only");
            }
            return s;
        }
    },

    /** ISO 3166-1 alpha-2, upper case. */
    COUNTRY_CODE {
        @Override
        public String normalise(String raw) {
            String s = raw.strip().toUpperCase(Locale.ROOT);
            if (!Countries.CODES.contains(s)) {
                throw new InvalidValueException("is not an ISO 3166-1 alpha-2 country code");
            }
            return s;
        }
    },

    /** Source keys: trimmed. */
    TRIMMED {
        @Override
        public String normalise(String raw) {
            String s = raw.strip();
            if (s.isEmpty()) {
                throw new InvalidValueException("must not be blank");
            }
            return s;
        }
    };

    /**
     * The longest key or id the API takes. Keys and ids are indexed, and an index refuses an entry of
     * more than about 8 kB; well below that, no real domain, account, name or reference is this long.
     */
    public static final int MAX_LENGTH = 1_000;

    /**
     * The normal form of {@code raw}.
     *
     * @throws InvalidValueException naming what is wrong with the value (the caller adds the field)
     */
    public abstract String normalise(String raw);

    /** Whether {@code raw} has a normal form of this kind. */
    public boolean accepts(String raw) {
        try {
            normalise(raw);
            return true;
        }
        catch (InvalidValueException ex) {
            return false;
        }
    }

    static String foldSpaces(String raw) {
        return raw.strip().replaceAll("\\s+", " ");
    }

    private static String cutAtFirst(String s, String stops) {
        for (int i = 0; i < s.length(); i++) {
            if (stops.indexOf(s.charAt(i)) >= 0) {
                return s.substring(0, i);
            }
        }
        return s;
    }

    private static final class Domains {
        // The sample data and tests use the top-level domains reserved for documentation (RFC 2606),
        // which are not in the root zone; everything else must end in a real public suffix.
        static final DomainValidator VALIDATOR = DomainValidator.getInstance(false,
                java.util.List.of(new DomainValidator.Item(DomainValidator.ArrayType.GENERIC_PLUS,
                        new String[] { "example", "test", "invalid" })));

        static final EmailValidator EMAIL = new EmailValidator(false, false, VALIDATOR);
    }

    private static final class Countries {
        static final Set<String> CODES = new TreeSet<>(Set.of(Locale.getISOCountries()));
    }

}
