package org.pangeagraph.tools.generator;

import static org.pangeagraph.model.NodeKind.ADDRESS;
import static org.pangeagraph.model.NodeKind.COMPANY;
import static org.pangeagraph.model.NodeKind.COUNTRY;
import static org.pangeagraph.model.NodeKind.COURIER;
import static org.pangeagraph.model.NodeKind.EMAIL_ADDRESS;
import static org.pangeagraph.model.NodeKind.HOSTING_PROVIDER;
import static org.pangeagraph.model.NodeKind.IP_ADDRESS;
import static org.pangeagraph.model.NodeKind.NAME_SERVER;
import static org.pangeagraph.model.NodeKind.OPERATION;
import static org.pangeagraph.model.NodeKind.PAYMENT_ACCOUNT;
import static org.pangeagraph.model.NodeKind.PERSON;
import static org.pangeagraph.model.NodeKind.PHONE_NUMBER;
import static org.pangeagraph.model.NodeKind.PRODUCT;
import static org.pangeagraph.model.NodeKind.REGISTRAR;
import static org.pangeagraph.model.NodeKind.SHIPMENT;
import static org.pangeagraph.model.NodeKind.SOURCE;
import static org.pangeagraph.model.NodeKind.WEBSITE;
import static org.pangeagraph.model.RelationshipType.ACCEPTS_PAYMENT_TO;
import static org.pangeagraph.model.RelationshipType.ALLOCATED_TO;
import static org.pangeagraph.model.RelationshipType.ASSOCIATE_OF;
import static org.pangeagraph.model.RelationshipType.CARRIED_BY;
import static org.pangeagraph.model.RelationshipType.CONTAINED;
import static org.pangeagraph.model.RelationshipType.HELD_BY;
import static org.pangeagraph.model.RelationshipType.HOSTED_AT;
import static org.pangeagraph.model.RelationshipType.INSPECTED;
import static org.pangeagraph.model.RelationshipType.LISTS_CONTACT;
import static org.pangeagraph.model.RelationshipType.LOCATED_IN;
import static org.pangeagraph.model.RelationshipType.OFFICER_OF;
import static org.pangeagraph.model.RelationshipType.OPERATES;
import static org.pangeagraph.model.RelationshipType.ORDERED_FROM;
import static org.pangeagraph.model.RelationshipType.REDIRECTS_TO;
import static org.pangeagraph.model.RelationshipType.REGISTERED_BY;
import static org.pangeagraph.model.RelationshipType.REGISTERED_WITH;
import static org.pangeagraph.model.RelationshipType.SEIZED;
import static org.pangeagraph.model.RelationshipType.SENT_BY;
import static org.pangeagraph.model.RelationshipType.SENT_FROM;
import static org.pangeagraph.model.RelationshipType.TOOK_DOWN;
import static org.pangeagraph.model.RelationshipType.USES;
import static org.pangeagraph.model.RelationshipType.USES_NAME_SERVER;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

import org.pangeagraph.model.NodeKind;
import org.pangeagraph.tools.generator.GraphFiles.Table;

/**
 * Generates the criminal networks behind illegal online pharmacies, and the noise around them, as
 * files (see {@link GraphFiles}) with the ground truth: which website belongs to which planted network.
 *
 * <p>Networks: sizes drawn from a Pareto law (most have two to five storefronts, a few hundreds).
 * Every storefront of a network pays into the network's accounts (the affiliate model); most also
 * share its registrant e-mail, support contacts, drop addresses, senders and couriers. Three kinds:
 * affiliate programmes (merchant accounts held by a company), bulletproof-hosted networks (a small
 * provider whose IP addresses only they use, accounts held by a money mule) and small crews. Some
 * storefronts are doorways that redirect, in chains, to another storefront of the network.
 *
 * <p>Noise: websites of no network (their own accounts, privacy-proxy registrants, hosting like
 * everyone's), isolated websites with nothing known but a dedicated IP address, a CDN and big shared
 * hosting providers whose IP addresses serve many unrelated websites, small hosting providers, a few
 * popular registrars and many small ones, a few DNS services whose name servers serve most websites (a
 * bulletproof network or crew often runs name servers of its own, which bind its storefronts), national couriers, websites that moved hosting (validFrom,
 * validTo), and generic items shared by chance between two networks: a courier, a registrar, a
 * bulletproof provider, now and then an IP address reassigned from one network to another.
 */
public final class PharmacyCrimeGenerator {

    private static final LocalDate START = LocalDate.of(2018, 1, 1);

    private static final int DAYS = 1270;

    private static final String[] HOSTING_COUNTRIES = { "US", "DE", "NL", "FR", "GB", "SG", "CA", "RU", "UA", "MD", "RO", "BG",
            "PA", "SC", "HK", "MY", "TR", "IN", "CN", "CY" };

    private static final String[] BULLETPROOF_COUNTRIES = { "RU", "UA", "MD", "PA", "SC", "HK", "NL", "BG" };

    private static final String[] COMPANY_COUNTRIES = { "CY", "GB", "SC", "PA", "HK", "MT", "BZ", "VG" };

    private static final String[] ORIGINS = { "IN", "IN", "IN", "CN", "CN", "SG", "HK", "TR", "PK", "BD" };

    private static final String[] DESTINATIONS = { "GB", "US", "DE", "FR", "AU", "NL", "IT", "ES", "IE", "BE", "SE", "CA" };

    private static final String[] LANGUAGES = { "en", "en", "en", "en", "en", "de", "fr", "es", "it", "ru" };

    private static final String[] CATEGORIES = { "PRESCRIPTION_ONLY", "CONTROLLED", "ANTIBIOTICS", "STEROIDS", "SLIMMING",
            "LIFESTYLE", "OTHER" };

    private static final String[] CONTENTS = { "Gift", "Documents", "Cosmetics", "Vitamins", "Samples", "Herbal tea", "Toys" };

    /** The sources every link cites, with their grade. */
    private enum Source {

        PASSIVE_DNS("gen-passive-dns", "Passive DNS records (generated)", "PASSIVE_DNS", "B2"),
        IP_WHOIS("gen-ip-whois", "IP WHOIS records (generated)", "WHOIS", "A2"),
        DOMAIN_WHOIS("gen-domain-whois", "Domain WHOIS records (generated)", "WHOIS", "B3"),
        SITE_CAPTURES("gen-site-captures", "Captures of the storefronts (generated)", "OSINT", "B2"),
        TEST_PURCHASES("gen-test-purchases", "Test purchases (generated)", "TEST_PURCHASE", "A2"),
        PAYMENT_ENQUIRIES("gen-payment-enquiries", "Enquiries to payment providers (generated)", "OTHER", "A2"),
        CUSTOMS("gen-customs-records", "Customs inspection and seizure records (generated)", "SEIZURE_RECORD", "A1"),
        COMPANY_REGISTER("gen-company-register", "Company registers (generated)", "OSINT", "B1"),
        CASE_FILE("gen-case-file", "Case files (generated)", "OTHER", "B2"),
        TAKEDOWNS("gen-takedown-records", "Takedown records (generated)", "OTHER", "A1");

        final String key;

        final String title;

        final String kind;

        final String grade;

        Source(String key, String title, String kind, String grade) {
            this.key = key;
            this.title = title;
            this.kind = kind;
            this.grade = grade;
        }

    }

    /** A week of action: its code, name and first day. */
    private record Operation(String code, String name, LocalDate start) {
    }

    private static final List<Operation> OPERATIONS = List.of(
            new Operation("EXAMPLE-WEEK-2019", "Generated week of action 2019", LocalDate.of(2019, 10, 14)),
            new Operation("EXAMPLE-WEEK-2020", "Generated week of action 2020", LocalDate.of(2020, 3, 2)),
            new Operation("EXAMPLE-WEEK-2021", "Generated week of action 2021", LocalDate.of(2021, 5, 17)));

    private enum Archetype {
        AFFILIATE, BULLETPROOF, CREW
    }

    private enum Hosting {
        CDN, SHARED, SMALL, BULLETPROOF
    }

    private static final class Provider {

        final String name;

        final Hosting kind;

        final int index;

        final List<String> ips = new ArrayList<>();

        final Zipf ipPopularity;

        String country;

        /** The network a bulletproof host was set up for. */
        Network owner;

        Provider(String name, Hosting kind, int index, int pool) {
            this.name = name;
            this.kind = kind;
            this.index = index;
            this.ipPopularity = pool > 0 ? new Zipf(pool, 0.8) : null;
        }

    }

    private static final class Network {

        final String id;

        final Archetype archetype;

        final int size;

        String boss;

        String company;

        final List<String> accounts = new ArrayList<>();

        String registrantEmail;

        String supportEmail;

        String supportPhone;

        final List<String> dropAddresses = new ArrayList<>();

        final List<String> senders = new ArrayList<>();

        final List<String> couriers = new ArrayList<>();

        final List<String> products = new ArrayList<>();

        String registrar;

        /** The two name servers of its storefronts: its own, or a DNS service's. */
        final List<String> nameServers = new ArrayList<>();

        Provider provider;

        final List<Hosting> hostingMix = new ArrayList<>();

        final List<String> storefronts = new ArrayList<>();

        final List<String> ipsUsed = new ArrayList<>();

        Network(String id, Archetype archetype, int size) {
            this.id = id;
            this.archetype = archetype;
            this.size = size;
        }

    }

    /** A website and what its parcels need: where they are sent from, by whom, by which courier, holding what. */
    private record Storefront(String domain, Network network, List<String> dropAddresses, List<String> senders,
            List<String> couriers, List<String> products, double orders) {
    }

    /** What was generated. */
    public record Summary(int websites, int networks, long nodes, long relationships, Map<String, Long> rows) {

        public long totalRows() {
            return this.nodes + this.relationships;
        }

    }

    private final GeneratorSettings settings;

    private final SplittableRandom random;

    private final GraphFiles files;

    private final Tables t;

    private final Set<String> countries = new LinkedHashSet<>();

    private final List<Storefront> storefronts = new ArrayList<>();

    private final List<String[]> groundTruth = new ArrayList<>();

    private final List<String[]> chanceShared = new ArrayList<>();

    private final List<String> productNames = new ArrayList<>();

    private final Zipf productPopularity;

    private final List<String> couriers = new ArrayList<>();

    private final Zipf courierPopularity;

    private final List<String> registrars = new ArrayList<>();

    /**
     * Name servers are drawn from a stream of their own, so that the rest of what a seed generates is as
     * it was before the generator wrote name servers.
     */
    private final SplittableRandom dnsRandom;

    /** The DNS services, each a pair of name servers, by popularity. */
    private final List<List<String>> dnsServices = new ArrayList<>();

    private final Zipf dnsPopularity;

    private final Zipf registrarPopularity;

    private final List<Provider> bigProviders = new ArrayList<>();

    private final Provider cdn;

    private final List<Provider> smallProviders = new ArrayList<>();

    private final Zipf smallProviderPopularity;

    private final List<Provider> providers = new ArrayList<>();

    private int websiteCount;

    private int phoneCount;

    private int accountCount;

    private int personCount;

    private int addressCount;

    private int emailCount;

    private long shipmentCount;

    private int networkCount;

    private PharmacyCrimeGenerator(GeneratorSettings settings, Path directory) {
        this.settings = settings;
        this.random = new SplittableRandom(settings.seed());
        this.files = new GraphFiles(directory);
        this.t = new Tables(this.files);
        int w = settings.websites();
        for (Source source : Source.values()) {
            this.t.source.row(source.key, id(SOURCE, source.key), source.title, source.kind);
        }
        for (Operation op : OPERATIONS) {
            this.t.operation.row(op.code, id(OPERATION, op.code), op.name, op.start, op.start.plusDays(6));
        }
        for (String product : FictionalValues.products()) {
            String[] parts = product.split("\\|");
            this.productNames.add(parts[0]);
            boolean controlled = List.of("tramadol", "oxycodone", "alprazolam", "diazepam", "zolpidem", "phentermine")
                .contains(parts[1]);
            this.t.product.row(parts[0].toLowerCase(Locale.ROOT), id(PRODUCT, parts[0]), parts[0], parts[1], true, controlled);
        }
        this.productPopularity = new Zipf(this.productNames.size(), 1.0);
        String[] courierNames = { "Example National Post IN", "Example Speed Post", "Example Express", "Example Parcel Service",
                "Example Global Mail", "Example Post CN", "Example Post SG", "Example Post HK", "Example Courier TR",
                "Example Logistics PK", "Example Freight", "Example Air Parcel", "Example Direct Mail", "Example Swift Courier",
                "Example Overnight", "Example Cargo Link", "Example Postal Union", "Example Last Mile" };
        for (String name : courierNames) {
            this.couriers.add(name.toLowerCase(Locale.ROOT));
            this.t.courier.row(name.toLowerCase(Locale.ROOT), id(COURIER, name), name);
        }
        this.courierPopularity = new Zipf(this.couriers.size(), 1.2);
        for (int i = 0; i < 60; i++) {
            String name = capitalise(FictionalValues.word(i * 7 + 3)) + " Names Example " + (i + 1);
            this.registrars.add(name.toLowerCase(Locale.ROOT));
            this.t.registrar.row(name.toLowerCase(Locale.ROOT), id(REGISTRAR, name), name, 9000 + i);
        }
        this.registrarPopularity = new Zipf(this.registrars.size(), 1.1);
        this.dnsRandom = new SplittableRandom(settings.seed() ^ 0x5EEDD45L);
        for (int i = 0; i < 8; i++) {
            String service = FictionalValues.word(i * 11 + 5) + "dns-example.example";
            this.dnsServices.add(List.of(nameServer("ns1." + service), nameServer("ns2." + service)));
        }
        this.dnsPopularity = new Zipf(this.dnsServices.size(), 1.0);
        String[] big = { "Megahost Example", "Cloudbase Example", "Hostwave Example", "Serverfarm Example", "Webspace Example",
                "Datacentre Example" };
        for (String name : big) {
            this.bigProviders.add(provider(name, Hosting.SHARED, Math.max(8, w / 60)));
        }
        this.cdn = provider("Edgeflare CDN Example", Hosting.CDN, Math.max(16, w / 25));
        for (int i = 0, n = Math.max(10, w / 40); i < n; i++) {
            this.smallProviders.add(provider(capitalise(FictionalValues.word(i * 5 + 1)) + " VPS Example " + (i + 1), Hosting.SMALL, 0));
        }
        this.smallProviderPopularity = new Zipf(this.smallProviders.size(), 1.0);
    }

    /** Generates into {@code directory} (created if need be). */
    public static Summary generate(GeneratorSettings settings, Path directory) {
        PharmacyCrimeGenerator generator = new PharmacyCrimeGenerator(settings, directory);
        generator.run();
        return generator.finish(directory);
    }

    private void run() {
        int w = this.settings.websites();
        int inNetworks = (int) Math.round(w * 0.7);
        int maxSize = Math.max(20, Math.min(600, w / 25));
        List<Network> networks = new ArrayList<>();
        int allocated = 0;
        while (allocated < inNetworks) {
            int size = (int) Math.min(maxSize, Math.floor(2 * Math.pow(1 - this.random.nextDouble(), -1 / 1.2)));
            size = Math.min(size, inNetworks - allocated);
            if (size < 2) {
                break;
            }
            double roll = this.random.nextDouble();
            Archetype archetype = roll < 0.5 ? Archetype.AFFILIATE : roll < 0.8 ? Archetype.BULLETPROOF : Archetype.CREW;
            Network network = new Network(String.format(Locale.ROOT, "N%04d", networks.size() + 1), archetype, size);
            setUp(network, networks);
            networks.add(network);
            allocated += size;
        }
        for (Network network : networks) {
            populate(network);
        }
        int unrelated = w - allocated;
        for (int i = 0; i < unrelated; i++) {
            unrelatedWebsite(this.random.nextDouble() < 0.1);
        }
        writeShipments();
        for (String code : this.countries) {
            this.t.country.row(code, id(COUNTRY, code), new Locale("", code).getDisplayCountry(Locale.ENGLISH));
        }
        this.networkCount = networks.size();
    }

    // ---- networks

    private void setUp(Network n, List<Network> earlier) {
        String brand = capitalise(FictionalValues.word(this.random.nextInt(99))) + capitalise(FictionalValues.word(this.random.nextInt(99)));
        n.boss = person("SUSPECT");
        switch (n.archetype) {
            case AFFILIATE -> {
                String country = pick(COMPANY_COUNTRIES);
                String name = brand + " Partners " + n.id + " Ltd";
                n.company = name.toLowerCase(Locale.ROOT) + "|" + country;
                this.countries.add(country);
                this.t.company.row(n.company, id(COMPANY, n.company), name, name.toLowerCase(Locale.ROOT), country,
                        "REG-" + n.id);
                this.t.companyIn.row(n.company, country, link(Source.COMPANY_REGISTER, null), Source.COMPANY_REGISTER.key,
                        Source.COMPANY_REGISTER.grade);
                this.t.officerOf.row(n.boss, n.company, link(Source.COMPANY_REGISTER, null), Source.COMPANY_REGISTER.key,
                        Source.COMPANY_REGISTER.grade, "director");
                for (int i = 0, k = 1 + n.size / 30; i < k; i++) {
                    n.accounts.add(account("MID-EXAMPLE-" + n.id + "-" + (i + 1), "CARD_MERCHANT", "Example Acquirer", country,
                            null, n.company));
                }
                if (this.random.nextDouble() < 0.4) {
                    n.accounts.add(account(FictionalValues.iban(++this.accountCount), "BANK_ACCOUNT", "Example Bank", "GB", null,
                            n.company));
                }
            }
            case BULLETPROOF -> {
                String mule = person("UNDER_INVESTIGATION");
                this.t.associateOf.row(n.boss, mule, link(Source.CASE_FILE, null), Source.CASE_FILE.key, "C3");
                for (int i = 0, k = 1 + n.size / 40; i < k; i++) {
                    boolean bank = this.random.nextBoolean();
                    n.accounts.add(account(bank ? FictionalValues.iban(++this.accountCount)
                            : "WALLET-EXAMPLE-" + n.id + "-" + (i + 1), bank ? "BANK_ACCOUNT" : "E_WALLET",
                            bank ? "Example Bank" : "Example Wallet", bank ? "GB" : "EE", mule, null));
                }
                n.senders.add(mule);
                Network partner = chancePartner(earlier, Archetype.BULLETPROOF, 0.15);
                if (partner != null) {
                    // Two networks renting from the same bulletproof host: a generic item shared by chance.
                    n.provider = partner.provider;
                    shared("HOSTING_PROVIDER", partner.provider.name, n, partner);
                }
                else {
                    n.provider = provider(brand + " Hosting " + n.id, Hosting.BULLETPROOF, 2 + n.size / 8);
                    n.provider.owner = n;
                }
            }
            case CREW -> n.accounts.add(account("bc1qexample" + n.id.toLowerCase(Locale.ROOT), "CRYPTO_WALLET", "Example Chain",
                    null, this.random.nextBoolean() ? n.boss : null, null));
        }
        if (this.random.nextDouble() < 0.5) {
            n.senders.add(person("SUSPECT"));
        }
        n.registrantEmail = email("domains@" + brand.toLowerCase(Locale.ROOT) + "-" + n.id.toLowerCase(Locale.ROOT) + ".example");
        double ownNameServers = switch (n.archetype) {
            case AFFILIATE -> 0.1;
            case BULLETPROOF -> 0.7;
            case CREW -> 0.4;
        };
        if (this.dnsRandom.nextDouble() < ownNameServers) {
            String zone = "dns-" + brand.toLowerCase(Locale.ROOT) + "-" + n.id.toLowerCase(Locale.ROOT) + ".example";
            n.nameServers.addAll(List.of(nameServer("ns1." + zone), nameServer("ns2." + zone)));
        }
        else {
            n.nameServers.addAll(dnsService());
        }
        n.supportEmail = email("support@" + brand.toLowerCase(Locale.ROOT) + "-" + n.id.toLowerCase(Locale.ROOT) + ".example");
        this.t.usesEmail.row(n.boss, n.registrantEmail, link(Source.CASE_FILE, null), Source.CASE_FILE.key, Source.CASE_FILE.grade);
        n.supportPhone = phone();
        if (n.supportPhone != null) {
            this.t.usesPhone.row(n.boss, n.supportPhone, link(Source.CASE_FILE, null), Source.CASE_FILE.key, Source.CASE_FILE.grade);
        }
        for (int i = 0, k = 1 + n.size / 15; i < k; i++) {
            n.dropAddresses.add(address(pick(ORIGINS)));
        }
        n.couriers.add(this.couriers.get(this.courierPopularity.sample(this.random)));
        if (this.random.nextDouble() < 0.3) {
            n.couriers.add(this.couriers.get(this.courierPopularity.sample(this.random)));
        }
        for (int i = 0, k = 3 + this.random.nextInt(6); i < k; i++) {
            n.products.add(this.productNames.get(this.productPopularity.sample(this.random)));
        }
        n.registrar = this.registrars.get(this.registrarPopularity.sample(this.random));
        Network partner = chancePartner(earlier, null, 0.1);
        if (partner != null) {
            // A courier or a registrar in common with an earlier network, by chance.
            if (this.random.nextBoolean()) {
                n.couriers.add(partner.couriers.get(0));
                shared("COURIER", partner.couriers.get(0), n, partner);
            }
            else {
                n.registrar = partner.registrar;
                shared("REGISTRAR", partner.registrar, n, partner);
            }
        }
        if (this.random.nextDouble() < this.settings.chanceSharedSpecific()) {
            Network other = chancePartner(earlier, null, 1.0);
            if (other != null) {
                // A call centre answering for both, or a consolidator shipping for both: specific items shared by chance.
                if (this.random.nextBoolean() && other.supportPhone != null) {
                    n.supportPhone = other.supportPhone;
                    shared("CONTACT", other.supportPhone, n, other);
                }
                else {
                    n.dropAddresses.add(other.dropAddresses.get(0));
                    shared("SENDER_ADDRESS", other.dropAddresses.get(0), n, other);
                }
            }
        }
        switch (n.archetype) {
            case AFFILIATE -> n.hostingMix.addAll(List.of(Hosting.CDN, Hosting.CDN, Hosting.SHARED, Hosting.SMALL));
            case BULLETPROOF -> n.hostingMix.addAll(List.of(Hosting.BULLETPROOF, Hosting.BULLETPROOF, Hosting.BULLETPROOF, Hosting.CDN));
            case CREW -> n.hostingMix.addAll(List.of(Hosting.CDN, Hosting.SHARED, Hosting.SHARED, Hosting.SMALL));
        }
        if (n.hostingMix.contains(Hosting.SMALL)) {
            n.provider = this.smallProviders.get(this.smallProviderPopularity.sample(this.random));
        }
    }

    private Network chancePartner(List<Network> earlier, Archetype archetype, double probability) {
        if (earlier.isEmpty() || this.random.nextDouble() >= probability) {
            return null;
        }
        List<Network> candidates = archetype == null ? earlier
                : earlier.stream().filter(e -> e.archetype == archetype).toList();
        return candidates.isEmpty() ? null : candidates.get(this.random.nextInt(candidates.size()));
    }

    private void populate(Network n) {
        int doorways = n.size >= 4 ? (int) Math.round(n.size * 0.1) : 0;
        List<String> domains = new ArrayList<>();
        for (int i = 0; i < n.size; i++) {
            domains.add(website(n.id, i >= n.size - doorways ? "doorway" : "storefront"));
        }
        List<String> shops = domains.subList(0, n.size - doorways);
        for (int i = 0; i < n.size; i++) {
            String domain = domains.get(i);
            boolean doorway = i >= n.size - doorways;
            LocalDate seen = firstSeen(domain);
            hosting(domain, n.hostingMix.get(this.random.nextInt(n.hostingMix.size())), n, seen);
            this.t.registeredWith.row(domain, n.registrar, link(Source.DOMAIN_WHOIS, null), Source.DOMAIN_WHOIS.key,
                    Source.DOMAIN_WHOIS.grade);
            usesNameServers(domain, n.nameServers);
            double registrant = this.random.nextDouble();
            if (n.archetype == Archetype.BULLETPROOF && registrant < 0.5) {
                this.t.registeredByPerson.row(domain, n.boss, link(Source.DOMAIN_WHOIS, null), Source.DOMAIN_WHOIS.key,
                        Source.DOMAIN_WHOIS.grade);
            }
            else if (registrant < 0.8) {
                this.t.registeredByEmail.row(domain, n.registrantEmail, link(Source.DOMAIN_WHOIS, null), Source.DOMAIN_WHOIS.key,
                        Source.DOMAIN_WHOIS.grade);
            }
            else {
                privacyRegistrant(domain);
            }
            if (this.random.nextDouble() < 0.25) {
                this.t.operates.row(n.boss, domain, link(Source.CASE_FILE, null), Source.CASE_FILE.key, Source.CASE_FILE.grade);
            }
            if (doorway) {
                // A doorway redirects, sometimes through another doorway, to a storefront of its network.
                String target = i > n.size - doorways && this.random.nextDouble() < 0.3 ? domains.get(i - 1)
                        : shops.get(this.random.nextInt(shops.size()));
                this.t.redirectsTo.row(domain, target, link(Source.SITE_CAPTURES, seen), Source.SITE_CAPTURES.key,
                        Source.SITE_CAPTURES.grade, seen, null);
                continue;
            }
            if (this.random.nextDouble() < 0.8) {
                contact(this.t.listsEmail, domain, n.supportEmail);
            }
            if (n.supportPhone != null && this.random.nextDouble() < 0.6) {
                contact(this.t.listsPhone, domain, n.supportPhone);
            }
            List<String> accounts = new ArrayList<>(List.of(n.accounts.get(this.random.nextInt(n.accounts.size()))));
            if (n.accounts.size() > 1 && this.random.nextDouble() < 0.2) {
                String second = n.accounts.get(this.random.nextInt(n.accounts.size()));
                if (!accounts.contains(second)) {
                    accounts.add(second);
                }
            }
            for (String account : accounts) {
                this.t.acceptsPayment.row(domain, account, link(Source.TEST_PURCHASES, null), Source.TEST_PURCHASES.key,
                        Source.TEST_PURCHASES.grade);
            }
            this.storefronts.add(new Storefront(domain, n, n.dropAddresses, n.senders, n.couriers, n.products, 1.4));
        }
        if (this.random.nextDouble() < 0.05) {
            reassignedIp(domains.get(this.random.nextInt(domains.size())), n);
        }
    }

    // ---- websites of no network

    private void unrelatedWebsite(boolean isolated) {
        String domain = website(null, isolated ? "isolated" : "unrelated");
        LocalDate seen = firstSeen(domain);
        if (isolated) {
            hosting(domain, Hosting.SMALL, null, seen);
            privacyRegistrant(domain);
            return;
        }
        double roll = this.random.nextDouble();
        hosting(domain, roll < 0.25 ? Hosting.CDN : roll < 0.7 ? Hosting.SHARED : Hosting.SMALL, null, seen);
        this.t.registeredWith.row(domain, this.registrars.get(this.registrarPopularity.sample(this.random)),
                link(Source.DOMAIN_WHOIS, null), Source.DOMAIN_WHOIS.key, Source.DOMAIN_WHOIS.grade);
        usesNameServers(domain, dnsService());
        if (this.random.nextDouble() < 0.6) {
            privacyRegistrant(domain);
        }
        else {
            this.t.registeredByEmail.row(domain, email("owner@" + domain), link(Source.DOMAIN_WHOIS, null),
                    Source.DOMAIN_WHOIS.key, Source.DOMAIN_WHOIS.grade);
        }
        if (this.random.nextDouble() < 0.7) {
            contact(this.t.listsEmail, domain, email("help@" + domain));
        }
        if (this.random.nextDouble() < 0.3) {
            String phone = phone();
            if (phone != null) {
                contact(this.t.listsPhone, domain, phone);
            }
        }
        if (this.random.nextDouble() < 0.85) {
            double holder = this.random.nextDouble();
            String person = holder < 0.3 ? person("SUSPECT") : null;
            String company = null;
            if (holder >= 0.3 && holder < 0.5) {
                String country = pick(COMPANY_COUNTRIES);
                String name = capitalise(domain.substring(0, domain.indexOf('.')).replace('-', ' ')) + " Trading Ltd";
                company = name.toLowerCase(Locale.ROOT) + "|" + country;
                this.countries.add(country);
                this.t.company.row(company, id(COMPANY, company), name, name.toLowerCase(Locale.ROOT), country, null);
                this.t.companyIn.row(company, country, link(Source.COMPANY_REGISTER, null), Source.COMPANY_REGISTER.key,
                        Source.COMPANY_REGISTER.grade);
            }
            String account = account(FictionalValues.iban(++this.accountCount), "BANK_ACCOUNT", "Example Bank", "GB", person, company);
            this.t.acceptsPayment.row(domain, account, link(Source.TEST_PURCHASES, null), Source.TEST_PURCHASES.key,
                    Source.TEST_PURCHASES.grade);
        }
        List<String> products = new ArrayList<>();
        for (int i = 0, k = 2 + this.random.nextInt(4); i < k; i++) {
            products.add(this.productNames.get(this.productPopularity.sample(this.random)));
        }
        this.storefronts.add(new Storefront(domain, null, List.of(address(pick(ORIGINS))), List.of(),
                List.of(this.couriers.get(this.courierPopularity.sample(this.random))), products, 0.5));
    }

    // ---- hosting

    private void hosting(String domain, Hosting kind, Network network, LocalDate seen) {
        boolean moved = this.random.nextDouble() < 0.25;
        LocalDate movedOn = moved ? seen.plusDays(30 + this.random.nextInt(300)) : null;
        List<String> current = ips(kind, network);
        if (moved) {
            // Hosted elsewhere before the move: the old links end the day before the new ones start.
            Hosting before = network != null && kind == Hosting.BULLETPROOF ? Hosting.BULLETPROOF
                    : Hosting.values()[this.random.nextInt(3)];
            for (String ip : ips(before, network)) {
                if (!current.contains(ip)) {
                    this.t.hostedAt.row(domain, ip, link(Source.PASSIVE_DNS, seen), Source.PASSIVE_DNS.key, Source.PASSIVE_DNS.grade,
                            seen, movedOn.minusDays(1));
                }
            }
        }
        LocalDate from = moved ? movedOn : seen;
        for (String ip : current) {
            this.t.hostedAt.row(domain, ip, link(Source.PASSIVE_DNS, from), Source.PASSIVE_DNS.key, Source.PASSIVE_DNS.grade, from, null);
        }
    }

    /**
     * Now and then an IP address of one network's bulletproof host is reassigned to another network:
     * both were served from it, in different years.
     */
    private void reassignedIp(String domain, Network network) {
        List<Provider> bulletproof = this.providers.stream()
            .filter(p -> p.kind == Hosting.BULLETPROOF && p != network.provider && !p.ips.isEmpty())
            .toList();
        if (bulletproof.isEmpty()) {
            return;
        }
        Provider other = bulletproof.get(this.random.nextInt(bulletproof.size()));
        String ip = other.ips.get(this.random.nextInt(other.ips.size()));
        if (other.owner != null) {
            shared("IP_ADDRESS", ip, network, other.owner);
        }
        LocalDate from = START.plusDays(DAYS - 200);
        this.t.hostedAt.row(domain, ip, link(Source.PASSIVE_DNS, from), Source.PASSIVE_DNS.key, Source.PASSIVE_DNS.grade, from, null);
    }

    private List<String> ips(Hosting kind, Network network) {
        switch (kind) {
            case CDN -> {
                String first = poolIp(this.cdn);
                String second = poolIp(this.cdn);
                return first.equals(second) ? List.of(first) : List.of(first, second);
            }
            case SHARED -> {
                return List.of(poolIp(this.bigProviders.get(Math.min(this.bigProviders.size() - 1,
                        (int) Math.floor(-Math.log(1 - this.random.nextDouble()) * 1.5))))); // the first providers are the most popular
            }
            case SMALL -> {
                Provider p = network != null && network.provider != null && network.provider.kind == Hosting.SMALL ? network.provider
                        : this.smallProviders.get(this.smallProviderPopularity.sample(this.random));
                return List.of(newIp(p));
            }
            default -> {
                Provider p = network.provider;
                if (network.ipsUsed.isEmpty() || p.ips.size() < 2 + network.size / 8 && this.random.nextDouble() < 0.3) {
                    String ip = newIp(p);
                    network.ipsUsed.add(ip);
                    return List.of(ip);
                }
                return List.of(network.ipsUsed.get(this.random.nextInt(network.ipsUsed.size())));
            }
        }
    }

    private Provider provider(String name, Hosting kind, int pool) {
        Provider p = new Provider(name, kind, this.providers.size(), pool);
        this.providers.add(p);
        String country = kind == Hosting.BULLETPROOF ? pick(BULLETPROOF_COUNTRIES) : pick(HOSTING_COUNTRIES);
        this.countries.add(country);
        p.country = country;
        this.t.provider.row(name.toLowerCase(Locale.ROOT), id(HOSTING_PROVIDER, name), name, 64512 + p.index, country,
                kind == Hosting.BULLETPROOF ? null : "abuse@" + name.toLowerCase(Locale.ROOT).replace(' ', '-') + ".example");
        this.t.providerIn.row(name.toLowerCase(Locale.ROOT), country, link(Source.IP_WHOIS, null), Source.IP_WHOIS.key,
                Source.IP_WHOIS.grade);
        for (int i = 0; i < pool; i++) {
            newIp(p);
        }
        return p;
    }

    private String poolIp(Provider p) {
        return p.ips.get(p.ipPopularity.sample(this.random));
    }

    private String newIp(Provider p) {
        int n = p.ips.size();
        String ip = FictionalValues.ipAddress(p.index, n / 4096, n % 4096);
        p.ips.add(ip);
        this.t.ip.row(ip, id(IP_ADDRESS, ip), 64512 + p.index, p.country);
        this.t.allocatedTo.row(ip, p.name.toLowerCase(Locale.ROOT), link(Source.IP_WHOIS, null), Source.IP_WHOIS.key,
                Source.IP_WHOIS.grade);
        return ip;
    }

    // ---- shipments: most of the volume

    private void writeShipments() {
        double weights = this.storefronts.stream().mapToDouble(Storefront::orders).sum();
        double target = this.settings.shipmentsPerWebsite() * this.settings.websites();
        for (Storefront site : this.storefronts) {
            double mean = target * site.orders() / weights;
            // Heavy-tailed: a few storefronts take most orders.
            int parcels = (int) Math.round(mean * Math.exp(this.random.nextGaussian() * 0.8 - 0.32));
            for (int i = 0; i < parcels; i++) {
                shipment(site);
            }
        }
    }

    private void shipment(Storefront site) {
        String tracking = String.format(Locale.ROOT, "EX%09dXX", ++this.shipmentCount);
        int opIndex = this.random.nextInt(OPERATIONS.size());
        Operation op = OPERATIONS.get(opIndex);
        LocalDate inspected = op.start().plusDays(this.random.nextInt(7));
        boolean seized = this.random.nextDouble() < 0.12;
        int kinds = 1 + (this.random.nextDouble() < 0.3 ? 1 + this.random.nextInt(2) : 0);
        List<String> products = new ArrayList<>();
        for (int i = 0; i < kinds; i++) {
            String product = site.products().get(this.random.nextInt(site.products().size()));
            if (!products.contains(product)) {
                products.add(product);
            }
        }
        int[] quantities = new int[products.size()];
        int pills = 0;
        for (int i = 0; i < quantities.length; i++) {
            quantities[i] = 10 * (1 + this.random.nextInt(20));
            pills += quantities[i];
        }
        String origin = pick(ORIGINS);
        this.countries.add(origin);
        this.t.shipment.row(tracking, id(SHIPMENT, tracking), inspected, seized, pick(CONTENTS), pills, origin, pick(DESTINATIONS));
        String customs = link(Source.CUSTOMS, null);
        this.t.orderedFrom.row(tracking, site.domain(), customs, Source.CUSTOMS.key, "B2");
        this.t.carriedBy.row(tracking, site.couriers().get(this.random.nextInt(site.couriers().size())), customs, Source.CUSTOMS.key,
                Source.CUSTOMS.grade);
        this.t.sentFrom.row(tracking, site.dropAddresses().get(this.random.nextInt(site.dropAddresses().size())), customs,
                Source.CUSTOMS.key, Source.CUSTOMS.grade);
        if (!site.senders().isEmpty() && this.random.nextDouble() < 0.35) {
            this.t.sentBy.row(tracking, site.senders().get(this.random.nextInt(site.senders().size())), customs, Source.CUSTOMS.key,
                    "B2");
        }
        for (int i = 0; i < products.size(); i++) {
            this.t.contained.row(tracking, products.get(i).toLowerCase(Locale.ROOT), customs, Source.CUSTOMS.key, Source.CUSTOMS.grade,
                    quantities[i], this.random.nextDouble() < 0.6);
        }
        this.t.inspected.row(op.code(), tracking, customs, Source.CUSTOMS.key, Source.CUSTOMS.grade);
        if (seized) {
            this.t.seized.row(op.code(), tracking, customs, Source.CUSTOMS.key, Source.CUSTOMS.grade);
        }
    }

    // ---- entities

    /** Records an item two networks share by chance, for the analysis of detection errors. */
    private void shared(String kind, String item, Network network, Network other) {
        this.chanceShared.add(new String[] { kind, item, other.id, network.id });
    }

    private String website(String network, String role) {
        int n = ++this.websiteCount;
        String domain = FictionalValues.domain(this.random.nextInt(FictionalValues.wordCount()),
                this.random.nextInt(FictionalValues.wordCount()), n);
        this.groundTruth.add(new String[] { domain, network == null ? "" : network, role });
        return domain;
    }

    private LocalDate firstSeen(String domain) {
        LocalDate first = START.plusDays(this.random.nextInt(DAYS - 400));
        LocalDate last = first.plusDays(200 + this.random.nextInt(DAYS - (int) (first.toEpochDay() - START.toEpochDay()) - 199));
        double roll = this.random.nextDouble();
        String status = roll < 0.6 ? "ACTIVE" : roll < 0.85 ? "OFFLINE" : roll < 0.95 ? "TAKEN_DOWN" : "SUSPENDED";
        List<String> categories = new ArrayList<>();
        for (int i = 0, k = 1 + this.random.nextInt(3); i < k; i++) {
            String category = CATEGORIES[Math.min(CATEGORIES.length - 1, (int) (-Math.log(1 - this.random.nextDouble()) * 2))];
            if (!categories.contains(category)) {
                categories.add(category);
            }
        }
        String name = capitalise(domain.substring(0, domain.indexOf('-'))) + " " + capitalise(domain.split("-")[1]) + " Pharmacy";
        this.t.website.row(domain, id(WEBSITE, domain), "https://www." + domain + "/", name, status, first, last, categories,
                pick(LANGUAGES));
        if (status.equals("TAKEN_DOWN")) {
            Operation op = OPERATIONS.get(this.random.nextInt(OPERATIONS.size()));
            this.t.tookDown.row(op.code(), domain, link(Source.TAKEDOWNS, null), Source.TAKEDOWNS.key, Source.TAKEDOWNS.grade,
                    op.start().plusDays(3));
        }
        return first;
    }

    private void privacyRegistrant(String domain) {
        // Privacy services give every domain an address of its own: nothing shared.
        String address = Integer.toHexString(domain.hashCode() & 0x7fffffff) + "-" + (++this.emailCount) + "@privacy-proxy.example";
        this.t.registeredByEmail.row(domain, email(address), link(Source.DOMAIN_WHOIS, null), Source.DOMAIN_WHOIS.key,
                Source.DOMAIN_WHOIS.grade);
    }

    private void contact(Table table, String domain, String contact) {
        table.row(domain, contact, link(Source.SITE_CAPTURES, null), Source.SITE_CAPTURES.key, Source.SITE_CAPTURES.grade);
    }

    private String nameServer(String hostName) {
        this.t.nameServer.row(hostName, id(NAME_SERVER, hostName));
        return hostName;
    }

    /** The name servers of a DNS service, popular ones more often. */
    private List<String> dnsService() {
        return this.dnsServices.get(this.dnsPopularity.sample(this.dnsRandom));
    }

    private void usesNameServers(String domain, List<String> nameServers) {
        for (String nameServer : nameServers) {
            this.t.usesNameServer.row(domain, nameServer, link(Source.DOMAIN_WHOIS, null), Source.DOMAIN_WHOIS.key,
                    Source.DOMAIN_WHOIS.grade);
        }
    }

    private String email(String address) {
        this.t.email.row(address, id(EMAIL_ADDRESS, address));
        return address;
    }

    /** A phone number, or null once the fictional ranges are used up. */
    private String phone() {
        if (this.phoneCount >= FictionalValues.phoneCount()) {
            return null;
        }
        String number = FictionalValues.phone(this.phoneCount++);
        this.t.phone.row(number, id(PHONE_NUMBER, number));
        return number;
    }

    private String account(String identifier, String kind, String provider, String country, String person, String company) {
        if (country != null) {
            this.countries.add(country);
        }
        this.t.account.row(identifier, id(PAYMENT_ACCOUNT, identifier), kind, provider, country);
        Source source = Source.PAYMENT_ENQUIRIES;
        if (person != null) {
            this.t.heldByPerson.row(identifier, person, link(source, null), source.key, source.grade);
        }
        if (company != null) {
            this.t.heldByCompany.row(identifier, company, link(source, null), source.key, source.grade);
        }
        return identifier;
    }

    private String person(String status) {
        String id = String.format(Locale.ROOT, "gen-person-%06d", ++this.personCount);
        String name = FictionalValues.FIRST_NAMES[this.random.nextInt(FictionalValues.FIRST_NAMES.length)] + " "
                + FictionalValues.LAST_NAMES[this.random.nextInt(FictionalValues.LAST_NAMES.length)];
        String nationality = pick(ORIGINS);
        this.countries.add(nationality);
        this.t.person.row(id, name, nationality, status);
        return id;
    }

    private String address(String country) {
        int n = ++this.addressCount;
        String text = "Unit " + (1 + n % 97) + ", " + (n / 97 + 1) + " " + capitalise(FictionalValues.word(n)) + " Example Road";
        String key = text.toLowerCase(Locale.ROOT) + ", " + country.toLowerCase(Locale.ROOT);
        this.countries.add(country);
        this.t.address.row(key, id(ADDRESS, key), text + ", " + country, country);
        this.t.addressIn.row(key, country, link(Source.CUSTOMS, null), Source.CUSTOMS.key, Source.CUSTOMS.grade);
        return key;
    }

    /** An entity's id: a UUID derived from the seed, the kind's label and the key, the same on every load of the same files. */
    private String id(NodeKind kind, String key) {
        return UUID.nameUUIDFromBytes((this.settings.seed() + "/" + kind.label() + "/" + key).getBytes(StandardCharsets.UTF_8))
            .toString();
    }

    private static String link(Source source, LocalDate validFrom) {
        return source.key + "|" + (validFrom == null ? "" : validFrom.toString());
    }

    private String pick(String[] values) {
        return values[this.random.nextInt(values.length)];
    }

    private static String capitalise(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private Summary finish(Path directory) {
        this.files.close();
        StringBuilder truth = new StringBuilder("domain,network,role\n");
        for (String[] row : this.groundTruth) {
            truth.append(row[0]).append(',').append(row[1]).append(',').append(row[2]).append('\n');
        }
        StringBuilder shared = new StringBuilder("kind,item,network,otherNetwork\n");
        for (String[] row : this.chanceShared) {
            shared.append(row[0]).append(",\"").append(row[1]).append("\",").append(row[2]).append(',').append(row[3]).append('\n');
        }
        Map<String, Long> rows = this.files.rowCounts();
        long nodes = rows.entrySet().stream().filter(e -> e.getKey().startsWith("nodes/")).mapToLong(Map.Entry::getValue).sum();
        long relationships = rows.entrySet().stream().filter(e -> e.getKey().startsWith("relationships/"))
            .mapToLong(Map.Entry::getValue).sum();
        StringBuilder manifest = new StringBuilder();
        manifest.append("seed=").append(this.settings.seed()).append('\n')
            .append("websites=").append(this.settings.websites()).append('\n')
            .append("shipmentsPerWebsite=").append(this.settings.shipmentsPerWebsite()).append('\n')
            .append("chanceSharedSpecific=").append(this.settings.chanceSharedSpecific()).append('\n')
            .append("networks=").append(this.networkCount).append('\n')
            .append("nodes=").append(nodes).append('\n')
            .append("relationships=").append(relationships).append('\n');
        rows.forEach((file, count) -> manifest.append("rows.").append(file).append('=').append(count).append('\n'));
        try {
            Files.writeString(directory.resolve("ground-truth.csv"), truth.toString(), StandardCharsets.UTF_8);
            Files.writeString(directory.resolve("chance-shared.csv"), shared.toString(), StandardCharsets.UTF_8);
            Files.writeString(directory.resolve("manifest.properties"), manifest.toString(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return new Summary(this.settings.websites(), this.networkCount, nodes, relationships, new LinkedHashMap<>(rows));
    }

    /** Every table, created in load order: nodes first, then links. */
    private static final class Tables {

        final Table source;
        final Table operation;
        final Table country;
        final Table website;
        final Table ip;
        final Table provider;
        final Table registrar;
        final Table nameServer;
        final Table email;
        final Table phone;
        final Table account;
        final Table courier;
        final Table product;
        final Table address;
        final Table person;
        final Table company;
        final Table shipment;
        final Table hostedAt;
        final Table allocatedTo;
        final Table providerIn;
        final Table registeredWith;
        final Table usesNameServer;
        final Table registeredByEmail;
        final Table registeredByPerson;
        final Table listsEmail;
        final Table listsPhone;
        final Table acceptsPayment;
        final Table heldByPerson;
        final Table heldByCompany;
        final Table redirectsTo;
        final Table operates;
        final Table officerOf;
        final Table usesEmail;
        final Table usesPhone;
        final Table associateOf;
        final Table companyIn;
        final Table addressIn;
        final Table tookDown;
        final Table orderedFrom;
        final Table carriedBy;
        final Table sentFrom;
        final Table sentBy;
        final Table contained;
        final Table inspected;
        final Table seized;

        Tables(GraphFiles f) {
            this.source = f.nodes(SOURCE, "key", "id", "title", "kind");
            this.operation = f.nodes(OPERATION, "code", "id", "name", "startDate", "endDate");
            this.country = f.nodes(COUNTRY, "code", "id", "name");
            this.website = f.nodes(WEBSITE, "domain", "id", "url", "name", "status", "firstSeen",
                    "lastSeen", "categories", "language");
            this.ip = f.nodes(IP_ADDRESS, "address", "id", "asn", "country");
            this.provider = f.nodes(HOSTING_PROVIDER, "nameKey", "id", "name", "asn", "country",
                    "abuseEmail");
            this.registrar = f.nodes(REGISTRAR, "nameKey", "id", "name", "ianaId");
            this.nameServer = f.nodes(NAME_SERVER, "hostName", "id");
            this.email = f.nodes(EMAIL_ADDRESS, "address", "id");
            this.phone = f.nodes(PHONE_NUMBER, "number", "id");
            this.account = f.nodes(PAYMENT_ACCOUNT, "identifier", "id", "kind", "provider", "country");
            this.courier = f.nodes(COURIER, "nameKey", "id", "name");
            this.product = f.nodes(PRODUCT, "nameKey", "id", "name", "activeIngredient",
                    "prescriptionOnly", "controlled");
            this.address = f.nodes(ADDRESS, "key", "id", "text", "country");
            this.person = f.nodes(PERSON, "id", "name", "nationality", "status");
            this.company = f.nodes(COMPANY, "key", "id", "name", "nameKey", "country",
                    "registrationNumber");
            this.shipment = f.nodes(SHIPMENT, "trackingNumber", "id", "inspectedOn",
                    "seized", "declaredContent", "pillCount", "originCountry", "destinationCountry");
            String[] provenance = { "source", "grade" };
            String[] dated = { "source", "grade", "validFrom", "validTo" };
            this.hostedAt = f.relationships(HOSTED_AT, WEBSITE, IP_ADDRESS, dated);
            this.allocatedTo = f.relationships(ALLOCATED_TO, IP_ADDRESS, HOSTING_PROVIDER, provenance);
            this.providerIn = f.relationships(LOCATED_IN, HOSTING_PROVIDER, COUNTRY, provenance);
            this.registeredWith = f.relationships(REGISTERED_WITH, WEBSITE, REGISTRAR, provenance);
            this.usesNameServer = f.relationships(USES_NAME_SERVER, WEBSITE, NAME_SERVER, provenance);
            this.registeredByEmail = f.relationships(REGISTERED_BY, WEBSITE, EMAIL_ADDRESS, provenance);
            this.registeredByPerson = f.relationships(REGISTERED_BY, WEBSITE, PERSON, provenance);
            this.listsEmail = f.relationships(LISTS_CONTACT, WEBSITE, EMAIL_ADDRESS, provenance);
            this.listsPhone = f.relationships(LISTS_CONTACT, WEBSITE, PHONE_NUMBER, provenance);
            this.acceptsPayment = f.relationships(ACCEPTS_PAYMENT_TO, WEBSITE, PAYMENT_ACCOUNT, provenance);
            this.heldByPerson = f.relationships(HELD_BY, PAYMENT_ACCOUNT, PERSON, provenance);
            this.heldByCompany = f.relationships(HELD_BY, PAYMENT_ACCOUNT, COMPANY, provenance);
            this.redirectsTo = f.relationships(REDIRECTS_TO, WEBSITE, WEBSITE, dated);
            this.operates = f.relationships(OPERATES, PERSON, WEBSITE, provenance);
            this.officerOf = f.relationships(OFFICER_OF, PERSON, COMPANY, "source", "grade", "role");
            this.usesEmail = f.relationships(USES, PERSON, EMAIL_ADDRESS, provenance);
            this.usesPhone = f.relationships(USES, PERSON, PHONE_NUMBER, provenance);
            this.associateOf = f.relationships(ASSOCIATE_OF, PERSON, PERSON, provenance);
            this.companyIn = f.relationships(LOCATED_IN, COMPANY, COUNTRY, provenance);
            this.addressIn = f.relationships(LOCATED_IN, ADDRESS, COUNTRY, provenance);
            this.tookDown = f.relationships(TOOK_DOWN, OPERATION, WEBSITE, "source", "grade", "date");
            this.orderedFrom = f.relationships(ORDERED_FROM, SHIPMENT, WEBSITE, provenance);
            this.carriedBy = f.relationships(CARRIED_BY, SHIPMENT, COURIER, provenance);
            this.sentFrom = f.relationships(SENT_FROM, SHIPMENT, ADDRESS, provenance);
            this.sentBy = f.relationships(SENT_BY, SHIPMENT, PERSON, provenance);
            this.contained = f.relationships(CONTAINED, SHIPMENT, PRODUCT, "source", "grade", "quantity",
                    "counterfeit");
            this.inspected = f.relationships(INSPECTED, OPERATION, SHIPMENT, provenance);
            this.seized = f.relationships(SEIZED, OPERATION, SHIPMENT, provenance);
        }

    }

    /** Draws indexes 0..n-1 with probability proportional to 1 / (i+1)^s. */
    private static final class Zipf {

        private final double[] cumulative;

        Zipf(int n, double s) {
            this.cumulative = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += 1 / Math.pow(i + 1, s);
                this.cumulative[i] = sum;
            }
            for (int i = 0; i < n; i++) {
                this.cumulative[i] /= sum;
            }
        }

        int sample(SplittableRandom random) {
            int found = java.util.Arrays.binarySearch(this.cumulative, random.nextDouble());
            return Math.min(this.cumulative.length - 1, found >= 0 ? found : -found - 1);
        }

    }

}
