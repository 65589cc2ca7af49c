package org.pangeagraph.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pangeagraph.support.Seeded;

/** The normal form of every kind of key: values kept, values normalised, values refused. */
class KeyFormTests {

    @ParameterizedTest(name = "{0} ''{1}'' -> ''{2}''")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, textBlock = """
            DOMAIN|shop.example|shop.example
            DOMAIN|SHOP.Example|shop.example
            DOMAIN|  shop.example\s|shop.example
            DOMAIN|https://www.Shop.Example/buy?x=1#top|shop.example
            DOMAIN|HTTP://shop.example:8080|shop.example
            DOMAIN|shop.example.|shop.example
            DOMAIN|www.shop.example|shop.example
            DOMAIN|www.www.shop.example|shop.example
            DOMAIN|ftp://user@shop.example/files|shop.example
            DOMAIN|www.example|www.example
            DOMAIN|pharmacy.co.uk|pharmacy.co.uk
            DOMAIN|apotheke-münchen.example|xn--apotheke-mnchen-8vb.example
            DOMAIN|https://www.APOTHEKE-MÜNCHEN.example/|xn--apotheke-mnchen-8vb.example
            DOMAIN|xn--apotheke-mnchen-8vb.example|xn--apotheke-mnchen-8vb.example
            IP_ADDRESS|192.0.2.10|192.0.2.10
            IP_ADDRESS|192.000.002.010|192.0.2.10
            IP_ADDRESS| 10.0.0.1\s|10.0.0.1
            IP_ADDRESS|2001:0DB8:0000:0000:0000:0000:0000:0001|2001:db8::1
            IP_ADDRESS|2001:db8:0:0:1:0:0:1|2001:db8::1:0:0:1
            IP_ADDRESS|2001:DB8:0:0:0:0:2:1|2001:db8::2:1
            IP_ADDRESS|[2001:db8::1]|2001:db8::1
            IP_ADDRESS|::1|::1
            NAME|Bullet Proof Hosting|bullet proof hosting
            NAME|  BULLET   Proof\\tHosting\s|bullet proof hosting
            EMAIL|sales@shop.example|sales@shop.example
            EMAIL| Sales@Shop.EXAMPLE\s|sales@shop.example
            EMAIL|mailto:Info@Shop.Example|info@shop.example
            EMAIL|info@apotheke-münchen.example|info@xn--apotheke-mnchen-8vb.example
            PHONE|+442079460321|+442079460321
            PHONE|+44 20 7946 0321|+442079460321
            PHONE|+44 (20) 7946-0321|+442079460321
            PHONE|0044 20 7946 0321|+442079460321
            PHONE|+1 (202) 456-1111|+12024561111
            PHONE|+31 20 123 4567|+31201234567
            PAYMENT_IDENTIFIER|GB82WEST12345698765432|GB82WEST12345698765432
            PAYMENT_IDENTIFIER|gb82 west 1234 5698 7654 32|GB82WEST12345698765432
            PAYMENT_IDENTIFIER|DE89-3704-0044-0532-0130-00|DE89370400440532013000
            PAYMENT_IDENTIFIER|  merchant-4711\s|merchant-4711
            PAYMENT_IDENTIFIER|bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq|bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq
            TRACKING_NUMBER|RR123456789GB|RR123456789GB
            TRACKING_NUMBER| rr 123 456 789 gb\s|RR123456789GB
            ADDRESS|  12  High Street,\\n London\s|12 high street, london
            CODE|pangea-ii|PANGEA-II
            CODE| case  2009/001\s|CASE 2009/001
            COUNTRY_CODE|nl|NL
            COUNTRY_CODE| gb\s|GB
            TRIMMED| whois-2009\s|whois-2009
            TRIMMED|Interpol Report|Interpol Report
            """)
    void aKeyWrittenAnyUsualWayHasOneNormalForm(KeyForm form, String raw, String normal) {
        String written = raw.replace("\\t", "\t").replace("\\n", "\n");

        assertThat(form.normalise(written)).isEqualTo(normal);
        assertThat(form.normalise(normal)).as("the normal form is its own normal form").isEqualTo(normal);
        assertThat(form.accepts(written)).isTrue();
    }

    @ParameterizedTest(name = "{0} ''{1}''")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, textBlock = """
            DOMAIN|
            DOMAIN|\s\s\s
            DOMAIN|pharma direct
            DOMAIN|shop
            DOMAIN|shop..example
            DOMAIN|-shop.example
            DOMAIN|shop.notarealtld
            DOMAIN|192.0.2.1
            DOMAIN|https://
            DOMAIN|sales@
            IP_ADDRESS|
            IP_ADDRESS|192.0.2.300
            IP_ADDRESS|192.0.2
            IP_ADDRESS|1.2.3.4.5
            IP_ADDRESS|2001:db8:::1
            IP_ADDRESS|2001:db8::1/64
            IP_ADDRESS|fe80::1%eth0
            IP_ADDRESS|localhost
            NAME|
            NAME|\s\s\s
            EMAIL|sales
            EMAIL|sales@
            EMAIL|@shop.example
            EMAIL|sales@@shop.example
            EMAIL|sales@shop
            EMAIL|two words@shop.example
            PHONE|020 7946 0321
            PHONE|+44 20 7946 032
            PHONE|+999 123
            PHONE|+
            PHONE|phone
            PAYMENT_IDENTIFIER|GB82WEST12345698765423
            PAYMENT_IDENTIFIER|DE89 3704 0044 0523 0130 00
            PAYMENT_IDENTIFIER|\s\s\s
            TRACKING_NUMBER|
            TRACKING_NUMBER| \\t\s
            ADDRESS|
            CODE|
            CODE|pangea;drop
            CODE|<script>
            CODE|-pangea
            COUNTRY_CODE|XX
            COUNTRY_CODE|UK
            COUNTRY_CODE|NLD
            COUNTRY_CODE|
            TRIMMED|
            TRIMMED|\s\s\s
            """)
    void aValueWithoutNormalFormIsRefusedSayingWhy(KeyForm form, String raw) {
        String written = raw == null ? "" : raw.replace("\\t", "\t");

        assertThatThrownBy(() -> form.normalise(written)).isInstanceOf(InvalidValueException.class)
            .hasMessageNotContaining("Exception").message().isNotBlank();
        assertThat(form.accepts(written)).isFalse();
    }

    @Test
    void everyKeyFormIsCovered() {
        Set<KeyForm> tested = EnumSet.of(KeyForm.DOMAIN, KeyForm.IP_ADDRESS, KeyForm.NAME, KeyForm.EMAIL, KeyForm.PHONE,
                KeyForm.PAYMENT_IDENTIFIER, KeyForm.TRACKING_NUMBER, KeyForm.ADDRESS, KeyForm.CODE, KeyForm.COUNTRY_CODE,
                KeyForm.TRIMMED);
        assertThat(tested).as("add examples above for a new key form")
            .isEqualTo(Arrays.stream(KeyForm.values()).collect(Collectors.toSet()));
    }

    @Test
    void anyTextHasAStableNormalFormOrIsRefusedAsInvalid() {
        Seeded.forAll("any text", 20091116L, 2_000, random -> assertStableOrRefused(form(random),
                random.nextInt(20) == 0 ? Seeded.anyString(random, 1_000, true) : Seeded.anyString(random, 80, true)));
    }

    @Test
    void keyLikeTextHasAStableNormalFormOrIsRefusedAsInvalid() {
        char[] chars = { 'a', 'B', 'w', 'W', 'x', 'n', 'e', '0', '1', '9', '.', ':', '-', '@', '/', '+', ' ', '(', ')', '%', '[',
            ']', 'ü', '\t' };
        Seeded.forAll("key-like text", 20091117L, 5_000, random -> assertStableOrRefused(form(random), Seeded.string(random, 40, chars)));
    }

    private static KeyForm form(Random random) {
        return KeyForm.values()[random.nextInt(KeyForm.values().length)];
    }

    private static void assertStableOrRefused(KeyForm form, String raw) {
        String normal;
        try {
            normal = form.normalise(raw);
        }
        catch (InvalidValueException refused) {
            return;
        }
        assertThat(form.normalise(normal)).as("%s of '%s'", form, raw).isEqualTo(normal);
    }

}
