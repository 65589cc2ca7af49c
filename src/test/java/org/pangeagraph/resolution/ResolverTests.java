package org.pangeagraph.resolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.pangeagraph.model.NodeKind;

/** Each kind's scorer: the features it finds, their weights and the words that explain them, and its blocks. */
class ResolverTests {

    private static <P> List<Feature> features(KindResolver<P> resolver, Map<String, Object> a, Map<String, Object> b) {
        return resolver.features(resolver.prepare(a), resolver.prepare(b));
    }

    private static Feature feature(List<Feature> features, String name) {
        return features.stream().filter(f -> f.name().equals(name)).findFirst()
            .orElseThrow(() -> new AssertionError("no " + name + " in " + features));
    }

    private static <P> boolean shareABlock(KindResolver<P> resolver, Map<String, Object> a, Map<String, Object> b) {
        return !Collections.disjoint(resolver.blockingKeys(resolver.prepare(a)), resolver.blockingKeys(resolver.prepare(b)));
    }

    @Nested
    class People {

        private final PersonResolver people = new PersonResolver();

        @Test
        void orderCasePunctuationAndScriptDoNotMatter() {
            Feature name = feature(features(this.people, Map.of("name", "Ivan Petrov"), Map.of("name", "PETROV, Ivan")), "NAME");
            assertThat(name.score()).isEqualTo(1.0);
            assertThat(name.weight()).isEqualTo(3.0);
            assertThat(name.detail()).isEqualTo("'Ivan Petrov' vs 'PETROV, Ivan': 1.00");

            Feature cyrillic = feature(features(this.people, Map.of("name", "Ivan Petrov"), Map.of("name", "Иван Петров")), "NAME");
            assertThat(cyrillic.score()).isEqualTo(1.0);
        }

        @Test
        void initialsAndSpellingsByEarScoreHighAndSaySo() {
            Feature name = feature(features(this.people, Map.of("name", "Ivan Petrov"), Map.of("name", "I. Petroff")), "NAME");
            // i is ivan's initial (0.9), petroff sounds like petrov (at least 0.9): (0.9 + 0.9) / 2.
            assertThat(name.score()).isCloseTo(0.9, within(1e-9));
            assertThat(name.detail()).isEqualTo("'Ivan Petrov' vs 'I. Petroff': 0.90 (i is the initial of ivan; petrov sounds like petroff)");
            assertThat(shareABlock(this.people, Map.of("name", "Ivan Petrov"), Map.of("name", "Petroff, I."))).isTrue();
        }

        @Test
        void anotherNameIsNoMatchThoughItBeginsAlike() {
            Feature name = feature(features(this.people, Map.of("name", "Boris Martin"), Map.of("name", "Boris Martinez")), "NAME");
            // martin ~ martinez: Jaro-Winkler 0.95, two edits of eight 0.75: 0.85, below what a typo or a spelling by
            // ear scores (0.9 at least), though they sound alike.
            assertThat(name.detail()).isEqualTo("'Boris Martin' vs 'Boris Martinez': 0.93 (martin ~ martinez 0.85)");
            assertThat(PersonResolver.NameMatch.words("martin", "martinez")).isCloseTo(0.85, within(1e-9));
            assertThat(PersonResolver.NameMatch.words("petrov", "petroff")).isGreaterThanOrEqualTo(0.9);
        }

        @Test
        void aTypoMeetsItsNameThroughTheBlocksOfWordsWithALetterLeftOut() {
            assertThat(shareABlock(this.people, Map.of("name", "Jean Wilson"), Map.of("name", "WILTON, J."))).isTrue();
            assertThat(shareABlock(this.people, Map.of("name", "Jean Wilson"), Map.of("name", "Anna Schmidt"))).isFalse();
        }

        @Test
        void birthDatesSpeakForOrAgainstWithTheValues() {
            Map<String, Object> ivan = person("Ivan Petrov", "1972-03-04");
            assertThat(feature(features(this.people, ivan, person("Ivan Petrov", "1972-03-04")), "BIRTH_DATE"))
                .isEqualTo(Feature.of("BIRTH_DATE", 1, 2.5, "dates of birth equal: 1972-03-04"));
            assertThat(feature(features(this.people, ivan, person("Ivan Petrov", "1972-04-03")), "BIRTH_DATE"))
                .isEqualTo(Feature.of("BIRTH_DATE", 0.7, 1.0, "dates of birth 1972-03-04 vs 1972-04-03: day and month swapped"));
            assertThat(feature(features(this.people, ivan, person("Ivan Petrov", "1973-03-04")), "BIRTH_DATE"))
                .isEqualTo(Feature.of("BIRTH_DATE", 0.3, -1.0, "birth years 1972 vs 1973"));
            assertThat(feature(features(this.people, ivan, person("Ivan Petrov", "1975-01-20")), "BIRTH_DATE"))
                .isEqualTo(Feature.of("BIRTH_DATE", 0, -4.0, "birth years 1972 vs 1975"));
            assertThat(features(this.people, ivan, Map.of("name", "Ivan Petrov"))).extracting(Feature::name).containsExactly("NAME");
        }

        @Test
        void aNamesakeBornYearsApartScoresLow() {
            Scored scored = Scored.of(this.people.prior(), features(this.people, person("Ivan Petrov", "1972-03-04"),
                    person("Ivan Petrov", "1985-06-01")));
            // -1 + 3 - 4.
            assertThat(scored.score()).isCloseTo(1 / (1 + Math.exp(2)), within(1e-12));
            assertThat(scored.matchKey()).containsExactly("NAME");
        }

        @Test
        void aliasesAreNamesToo() {
            Map<String, Object> known = new HashMap<>(Map.of("name", "Viktor Example", "aliases", List.of("The Chemist")));
            Feature alias = feature(features(this.people, known, Map.of("name", "the chemist")), "ALIAS");
            assertThat(alias.detail()).isEqualTo("'The Chemist' vs 'the chemist': 1.00");
        }

        @Test
        void nationalityForAndAgainst() {
            assertThat(feature(features(this.people, Map.of("name", "A B", "nationality", "RU"), Map.of("name", "A B", "nationality", "UA")),
                    "NATIONALITY")).isEqualTo(Feature.of("NATIONALITY", 0, -1.2, "nationalities RU vs UA"));
        }

        private static Map<String, Object> person(String name, String born) {
            return Map.of("name", name, "dateOfBirth", LocalDate.parse(born));
        }

    }

    @Nested
    class Companies {

        private final CompanyResolver companies = new CompanyResolver();

        @Test
        void legalFormsAreLeftOut() {
            assertThat(CompanyResolver.withoutLegalForm(Texts.tokens("Acme Pharma Ltd."))).containsExactly("acme", "pharma");
            assertThat(CompanyResolver.withoutLegalForm(Texts.tokens("ACME PHARMA LIMITED"))).containsExactly("acme", "pharma");
            assertThat(CompanyResolver.withoutLegalForm(Texts.tokens("Acme Pharma S.A."))).containsExactly("acme", "pharma");
            assertThat(CompanyResolver.withoutLegalForm(Texts.tokens("Acme Pharma Sp. z o.o."))).containsExactly("acme", "pharma");
            assertThat(CompanyResolver.withoutLegalForm(Texts.tokens("OOO Romashka"))).containsExactly("romashka");
            // ICU reads ш as š, which Latin-ASCII writes s.
            assertThat(CompanyResolver.withoutLegalForm(Texts.tokens("ООО Ромашка"))).containsExactly("romaska");
            // A name that is only a legal form keeps it.
            assertThat(CompanyResolver.withoutLegalForm(Texts.tokens("Limited"))).containsExactly("limited");
        }

        @Test
        void theSameNameInTwoCountriesIsTwoCompaniesMostLikely() {
            List<Feature> features = features(this.companies, Map.of("name", "Acme Pharma Ltd", "country", "GB"),
                    Map.of("name", "Acme Pharma GmbH", "country", "DE"));
            assertThat(feature(features, "NAME_WITHOUT_LEGAL_FORM").score()).isEqualTo(1.0);
            assertThat(feature(features, "COUNTRY")).isEqualTo(Feature.of("COUNTRY", 0, -2.0, "countries GB vs DE"));
            // -1 + 15 x (1 - 0.85) - 2.
            assertThat(Scored.of(this.companies.prior(), features).score()).isCloseTo(1 / (1 + Math.exp(0.75)), within(1e-12));
        }

        @Test
        void registrationNumbersDecide() {
            List<Feature> features = features(this.companies, Map.of("name", "Nova Trade", "registrationNumber", "HRB 1234"),
                    Map.of("name", "Nova Trade GmbH", "registrationNumber", "HRB-1234"));
            assertThat(feature(features, "REGISTRATION_NUMBER").detail()).isEqualTo("same registration number HRB1234");
        }

    }

    @Nested
    class Websites {

        private final WebsiteResolver websites = new WebsiteResolver();

        private List<Feature> compare(String a, String b) {
            return features(this.websites, Map.of("domain", a), Map.of("domain", b));
        }

        @Test
        void theRegistrableDomainIsCutIntoLabelAndPublicSuffix() {
            assertThat(WebsiteResolver.registrable("shop.pharma.co.uk")).containsExactly("pharma", "co.uk");
            assertThat(WebsiteResolver.registrable("rx-pharma24.example")).containsExactly("rx-pharma24", "example");
        }

        @Test
        void confusableCharactersHaveOneSkeleton() {
            Feature skeleton = compare("rx-pharma24.example", "rx-pharrna24.example").get(0);
            assertThat(skeleton).isEqualTo(Feature.of("SKELETON", 1, 4.0,
                    "skeleton equal: 'rx-pharma24' and 'rx-pharrna24' both look like 'rx-pharrna24'"));
            // A Cyrillic а in the label, stored as punycode, is compared as it shows.
            String cyrillic = java.net.IDN.toASCII("rx-ph\u0430rma24.example");
            assertThat(compare("rx-pharma24.example", cyrillic).get(0).name()).isEqualTo("SKELETON");
        }

        @Test
        void hyphensDigitsAndTldsAreTheOtherTricks() {
            assertThat(compare("rx-pharma24.example", "rxpharma24.example").get(0).name()).isEqualTo("HYPHEN_SWAP");
            assertThat(compare("rx-pharma24.example", "rx-ph4rma24.example").get(0))
                .isEqualTo(Feature.of("DIGIT_LETTER_SWAP", 1, 4.0,
                        "'rx-pharma24' and 'rx-ph4rma24' read alike with digits for the letters they look like"));
            assertThat(compare("rx-pharma24.example", "rx-pharma24.test").get(0))
                .isEqualTo(Feature.of("TLD_SWAP", 1, 4.0, "same label 'rx-pharma24' under .example and .test"));
            List<Feature> both = compare("rx-pharma24.example", "rxpharma24.test");
            assertThat(both).extracting(Feature::name).containsExactly("HYPHEN_SWAP", "TLD_SWAP");
            assertThat(both.get(1).weight()).isZero();
        }

        @Test
        void editDistanceWeighsWhatIsLeft() {
            Feature one = compare("canada-meds.example", "canada-meds5.example").get(0);
            assertThat(one.name()).isEqualTo("EDIT_DISTANCE");
            assertThat(one.weight()).isEqualTo(2.5);
            assertThat(one.detail()).isEqualTo("labels 'canada-meds' and 'canada-meds5' 1 edit apart");
            assertThat(compare("canada-meds.example", "euro-pills.example").get(0).weight()).isEqualTo(-3.0);
            assertThat(shareABlock(this.websites, Map.of("domain", "canada-meds.example"), Map.of("domain", "canadameds5.example")))
                .isTrue();
        }

    }

    @Nested
    class Identifiers {

        @Test
        void anIbanWrittenWithSpacesIsTheSameIban() {
            Feature same = features(new AccountResolver(), Map.of("identifier", "GB82 WEST 1234 5698 7654 32"),
                    Map.of("identifier", "GB82WEST12345698765432")).get(0);
            assertThat(same.name()).isEqualTo("SAME_IBAN");
            assertThat(same.detail()).isEqualTo("same IBAN GB82WEST12345698765432 written 'GB82 WEST 1234 5698 7654 32' and 'GB82WEST12345698765432'");
            assertThat(features(new AccountResolver(), Map.of("identifier", "GB82WEST12345698765432"),
                    Map.of("identifier", "12345698765432")).get(0).name()).isEqualTo("ACCOUNT_IN_IBAN");
        }

        @Test
        void aPhoneNumberIsItsNationalNumber() {
            Feature same = features(new PhoneResolver(), Map.of("number", "0044 20 7946 0321"), Map.of("number", "+442079460321")).get(0);
            assertThat(same.name()).isEqualTo("SAME_NUMBER");
            assertThat(same.detail()).isEqualTo("same national number 2079460321 written '0044 20 7946 0321' and '+442079460321'");
            assertThat(features(new PhoneResolver(), Map.of("number", "+442079460321"), Map.of("number", "+352079460321")).get(0).name())
                .isIn("SAME_NUMBER_OTHER_COUNTRY", "LAST_DIGITS");
        }

        @Test
        void anEmailAddressIsItsMailboxAndDomain() {
            EmailResolver emails = new EmailResolver();
            assertThat(features(emails, Map.of("address", "ivan.petrov+shop@mail.example"), Map.of("address", "ivanpetrov@mail.example"))
                .get(0).name()).isEqualTo("SAME_MAILBOX");
            Feature elsewhere = features(emails, Map.of("address", "ivan.petrov@mail.example"), Map.of("address", "ivan.petrov@post.example"))
                .get(0);
            assertThat(elsewhere).isEqualTo(Feature.of("SAME_LOCAL_PART", 0.7, 1.5, "local part 'ivanpetrov' at mail.example and at post.example"));
        }

    }

    @Nested
    class Products {

        private final ProductResolver products = new ProductResolver();

        @Test
        void strengthAndDosageFormAreReadOutOfTheName() {
            assertThat(ProductResolver.strength("sildenafil 0.1 g")).isEqualTo("100mg");
            assertThat(ProductResolver.strength("sildenafil 100mg tabs")).isEqualTo("100mg");
            List<Feature> features = features(this.products, Map.of("name", "Sildenafil 100mg tabs"), Map.of("name", "SILDENAFIL 100 MG"));
            assertThat(feature(features, "NAME").score()).isEqualTo(1.0);
            assertThat(feature(features, "STRENGTH").detail()).isEqualTo("same strength 100mg");
        }

        @Test
        void anotherStrengthIsAnotherProduct() {
            List<Feature> features = features(this.products, Map.of("name", "Sildenafil 50 mg", "activeIngredient", "sildenafil"),
                    Map.of("name", "Sildenafil 100 mg", "activeIngredient", "Sildenafil"));
            assertThat(feature(features, "ACTIVE_INGREDIENT").weight()).isEqualTo(2.0);
            assertThat(feature(features, "STRENGTH")).isEqualTo(Feature.of("STRENGTH", 0, -4.0, "strengths 50mg vs 100mg"));
        }

    }

    @Nested
    class Index {

        private final CandidateIndex index = new CandidateIndex(CandidateIndex.standardResolvers());

        @Test
        void aChangedEntityLosesItsOldPairsAndFindsNewOnes() {
            this.index.put(this.index.profile("p1", NodeKind.PERSON, Map.of("name", "Ivan Petrov"), null));
            this.index.put(this.index.profile("p2", NodeKind.PERSON, Map.of("name", "I. Petroff"), null));
            this.index.put(this.index.profile("p3", NodeKind.PERSON, Map.of("name", "Anna Schmidt"), null));
            assertThat(this.index.candidatesOf("p1")).extracting(c -> c.other("p1")).containsExactly("p2");

            this.index.put(this.index.profile("p2", NodeKind.PERSON, Map.of("name", "Anna Schmidt"), null));

            assertThat(this.index.candidatesOf("p1")).isEmpty();
            assertThat(this.index.candidatesOf("p3")).extracting(c -> c.other("p3")).containsExactly("p2");
            this.index.remove("p2");
            assertThat(this.index.candidates(Set.of())).isEmpty();
            assertThat(this.index.count(NodeKind.PERSON)).isEqualTo(2);
        }

        @Test
        void keysEqualInNormalFormAndImportCollisionsScoreOne() {
            this.index.put(this.index.profile("a", NodeKind.PAYMENT_ACCOUNT, Map.of("identifier", "GB82WEST12345698765432"), null));
            this.index.put(this.index.profile("b", NodeKind.PAYMENT_ACCOUNT, Map.of("identifier", "gb82 west 1234 5698 7654 32"), null));
            CandidateIndex.Candidate pair = this.index.pair("a", "b");
            assertThat(pair.scored().score()).isEqualTo(1.0);
            assertThat(pair.scored().features().get(0).detail())
                .isEqualTo("keys equal in normal form: 'GB82WEST12345698765432' and 'gb82 west 1234 5698 7654 32' are both 'GB82WEST12345698765432'");

            // A kind without a scorer: only the import's mark pairs it.
            this.index.put(this.index.profile("ip-2", NodeKind.IP_ADDRESS, Map.of("address", "010.0.0.1"), "ip-1"));
            assertThat(this.index.pair("ip-1", "ip-2").scored().score()).isEqualTo(1.0);
            assertThat(this.index.pair("ip-1", "ip-2").scored().features().get(0).detail())
                .isEqualTo("imported as '010.0.0.1', whose normal form is the key of this other entity; the import left it as written");
        }

    }

}
