package org.pangeagraph.security.invariance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

import org.pangeagraph.model.NodeKind;
import org.pangeagraph.model.RelationshipType;

/**
 * A small graph of every kind of entity and every type of link, generated from a seed: entities and
 * links of no case, of CASE-A, and of CASE-A and CASE-B together; some storefronts sharing accounts,
 * addresses and people, so that there are criminal networks, shared infrastructure and paths. Keys are
 * written in normal form, as an import writes them; ids are fixed so that a failure names them.
 */
public final class CaseGraph {

    /** An entity: its kind, id, properties (key included, id and cases not) and cases. */
    public record Entity(NodeKind kind, String id, Map<String, Object> properties, List<String> cases) {

        /** The natural key in the form the lookup takes it. */
        public String key() {
            return this.kind.hasKey() ? String.valueOf(this.properties.get(this.kind.keyInput())) : this.id;
        }

    }

    /** A link: its type, ends, properties (cases not) and cases. */
    public record Link(RelationshipType type, Entity from, Entity to, Map<String, Object> properties, List<String> cases) {
    }

    static final String[] WORDS = { "pharma", "meds", "care", "pill", "health", "sample", "example", "express", "trusted",
            "generic", "cure", "direct" };

    static final String[] FIRST_NAMES = { "Marta", "Viktor", "Carla", "Bruno", "Ines", "Hugo", "Olga" };

    static final String[] LAST_NAMES = { "Example", "Sample", "Fictitious", "Placeholder" };

    private final List<Entity> entities = new ArrayList<>();

    private final List<Link> links = new ArrayList<>();

    private final Map<NodeKind, Integer> counters = new EnumMap<>(NodeKind.class);

    private final String prefix;

    private final Random random;

    /** The keys of the sources links may cite: sources of the base graph the reader sees. */
    private final List<String> sources = new ArrayList<>();

    private CaseGraph(String prefix, Random random) {
        this.prefix = prefix;
        this.random = random;
    }

    public List<Entity> entities() {
        return List.copyOf(this.entities);
    }

    public List<Link> links() {
        return List.copyOf(this.links);
    }

    public List<Entity> entities(NodeKind kind) {
        return this.entities.stream().filter(e -> e.kind() == kind).toList();
    }

    /**
     * The base graph of a try: one to three entities of every kind (more storefronts, parcels and
     * accounts), the links a storefront business has, and every type of link at least once.
     */
    public static CaseGraph generate(Random random) {
        CaseGraph graph = new CaseGraph("g", random);
        for (NodeKind kind : NodeKind.values()) {
            int count = switch (kind) {
                case WEBSITE -> 6 + random.nextInt(4);
                case SHIPMENT -> 3 + random.nextInt(4);
                case PAYMENT_ACCOUNT, IP_ADDRESS, PERSON -> 2 + random.nextInt(3);
                default -> 1 + random.nextInt(2);
            };
            for (int i = 0; i < count; i++) {
                graph.entity(kind, graph.baseCases());
            }
        }
        graph.entities(NodeKind.SOURCE).stream().filter(s -> s.cases().isEmpty()).forEach(s -> graph.sources.add(s.key()));
        graph.business();
        for (RelationshipType type : RelationshipType.values()) {
            if (graph.links.stream().noneMatch(l -> l.type() == type)) {
                graph.randomLink(type, e -> true, graph.baseCases());
            }
        }
        return graph;
    }

    /**
     * An empty graph of facts to add to {@code base}, with keys of their own ({@code x...}), citing the
     * sources of the base that no case restricts.
     */
    static CaseGraph additions(CaseGraph base, Random random) {
        CaseGraph additions = new CaseGraph("x", random);
        additions.sources.addAll(base.sources);
        return additions;
    }

    /** Cases of a base fact: most of no case, some of CASE-A, a few of CASE-A and CASE-B. */
    private List<String> baseCases() {
        int roll = this.random.nextInt(100);
        return roll < 78 ? List.of() : roll < 92 ? List.of("CASE-A") : List.of("CASE-A", "CASE-B");
    }

    /** A new entity of {@code kind} with a key of its own. */
    Entity entity(NodeKind kind, List<String> cases) {
        int n = this.counters.merge(kind, 1, Integer::sum);
        String tag = this.prefix + n;
        String word = WORDS[this.random.nextInt(WORDS.length)];
        Map<String, Object> props = new LinkedHashMap<>();
        switch (kind) {
            case WEBSITE -> {
                props.put("domain", tag + "-" + word + ".example");
                props.put("name", capital(word) + " Shop " + tag);
                props.put("status", pick("ACTIVE", "OFFLINE", "TAKEN_DOWN"));
                LocalDate first = date();
                props.put("firstSeen", first);
                props.put("lastSeen", first.plusDays(this.random.nextInt(400)));
                props.put("categories", List.of(pick("PRESCRIPTION_ONLY", "CONTROLLED", "LIFESTYLE")));
            }
            case IP_ADDRESS -> {
                props.put("address", (this.prefix.equals("g") ? "192.0.2." : "198.51.100.") + n);
                props.put("country", pick("GB", "NL"));
            }
            case HOSTING_PROVIDER -> props.put("name", capital(word) + " Hosting " + tag);
            case REGISTRAR -> props.put("name", capital(word) + " Registrar " + tag);
            case EMAIL_ADDRESS -> props.put("address", word + "." + tag + "@mail.example");
            case PHONE_NUMBER -> props.put("number", "+442079460" + String.format(Locale.ROOT, "%03d",
                    (this.prefix.equals("g") ? 0 : 500) + n));
            case PAYMENT_ACCOUNT -> {
                props.put("identifier", "WALLET-" + tag.toUpperCase(Locale.ROOT));
                props.put("kind", pick("E_WALLET", "CARD_MERCHANT", "CRYPTO_WALLET"));
            }
            case SHIPMENT -> {
                props.put("trackingNumber", "RR" + tag.toUpperCase(Locale.ROOT) + "GB");
                props.put("inspectedOn", date());
                props.put("seized", this.random.nextBoolean());
                props.put("pillCount", (long) this.random.nextInt(500));
            }
            case COURIER -> props.put("name", capital(word) + " Post " + tag);
            case PRODUCT -> {
                props.put("name", capital(word) + " Tablets " + tag);
                props.put("category", pick("PRESCRIPTION_ONLY", "CONTROLLED", "STEROIDS"));
            }
            case ADDRESS -> {
                props.put("text", n + " " + capital(word) + " Street " + tag);
                props.put("country", pick("GB", "NL"));
            }
            case PERSON -> {
                props.put("name", FIRST_NAMES[this.random.nextInt(FIRST_NAMES.length)] + " "
                        + LAST_NAMES[this.random.nextInt(LAST_NAMES.length)]);
                props.put("status", pick("SUSPECT", "UNDER_INVESTIGATION", "ARRESTED"));
            }
            case COMPANY -> {
                props.put("name", capital(word) + " Trading " + tag);
                props.put("country", pick("GB", "NL"));
            }
            case OPERATION -> {
                props.put("code", "OP-" + tag.toUpperCase(Locale.ROOT));
                props.put("name", "Operation " + capital(word) + " " + tag);
                LocalDate start = date();
                props.put("startDate", start);
                props.put("endDate", start.plusDays(this.random.nextInt(10)));
            }
            case AGENCY -> {
                props.put("name", capital(word) + " Agency " + tag);
                props.put("acronym", "AG" + tag.toUpperCase(Locale.ROOT));
                props.put("kind", pick("POLICE", "CUSTOMS", "REGULATOR"));
            }
            case COUNTRY -> {
                String[] codes = this.prefix.equals("g") ? new String[] { "GB", "NL", "FR", "DE", "ES", "IT" }
                        : new String[] { "PL", "PT", "BE", "AT", "IE", "DK" };
                String code = codes[(n - 1) % codes.length];
                props.put("code", code);
                props.put("name", "Country " + code);
            }
            case CASE -> {
                props.put("number", "CASE-" + tag.toUpperCase(Locale.ROOT));
                props.put("title", capital(word) + " case " + tag);
                props.put("status", pick("OPEN", "CLOSED"));
            }
            case SOURCE -> {
                props.put("key", "source-" + tag);
                props.put("title", capital(word) + " report " + tag);
                props.put("kind", pick("REPORT", "WHOIS", "OSINT"));
            }
            case NAME_SERVER -> props.put("hostName", "ns1." + tag + "-" + word + ".example");
            // A kind added to the model without a way to make one here would leave the property short of it.
            default -> throw new AssertionError("No entity of kind " + kind + " can be made: add it to CaseGraph.entity");
        }
        Entity entity = new Entity(kind, kind.label().toLowerCase(Locale.ROOT) + "-" + tag, props, cases);
        this.entities.add(entity);
        return entity;
    }

    /** The links of a storefront business: hosting, accounts, parcels, people, operations. */
    private void business() {
        for (Entity website : entities(NodeKind.WEBSITE)) {
            maybe(1.0, RelationshipType.HOSTED_AT, website, any(NodeKind.IP_ADDRESS));
            maybe(0.3, RelationshipType.HOSTED_AT, website, any(NodeKind.IP_ADDRESS));
            maybe(0.8, RelationshipType.REGISTERED_WITH, website, any(NodeKind.REGISTRAR));
            maybe(0.5, RelationshipType.REGISTERED_BY, website, any(NodeKind.EMAIL_ADDRESS, NodeKind.PERSON, NodeKind.COMPANY));
            maybe(0.5, RelationshipType.LISTS_CONTACT, website, any(NodeKind.EMAIL_ADDRESS, NodeKind.PHONE_NUMBER));
            maybe(0.9, RelationshipType.ACCEPTS_PAYMENT_TO, website, any(NodeKind.PAYMENT_ACCOUNT));
            maybe(0.15, RelationshipType.REDIRECTS_TO, website, any(NodeKind.WEBSITE));
        }
        for (Entity ip : entities(NodeKind.IP_ADDRESS)) {
            maybe(0.9, RelationshipType.ALLOCATED_TO, ip, any(NodeKind.HOSTING_PROVIDER));
            maybe(0.4, RelationshipType.LOCATED_IN, ip, any(NodeKind.COUNTRY));
        }
        for (Entity account : entities(NodeKind.PAYMENT_ACCOUNT)) {
            maybe(0.7, RelationshipType.HELD_BY, account, any(NodeKind.PERSON, NodeKind.COMPANY));
        }
        for (Entity parcel : entities(NodeKind.SHIPMENT)) {
            maybe(0.9, RelationshipType.ORDERED_FROM, parcel, any(NodeKind.WEBSITE));
            maybe(0.8, RelationshipType.CARRIED_BY, parcel, any(NodeKind.COURIER));
            maybe(0.5, RelationshipType.SENT_BY, parcel, any(NodeKind.PERSON, NodeKind.COMPANY));
            maybe(0.5, RelationshipType.SENT_FROM, parcel, any(NodeKind.ADDRESS));
            maybe(0.6, RelationshipType.CONTAINED, parcel, any(NodeKind.PRODUCT));
        }
        for (Entity person : entities(NodeKind.PERSON)) {
            maybe(0.5, RelationshipType.OPERATES, person, any(NodeKind.WEBSITE));
            maybe(0.4, RelationshipType.ASSOCIATE_OF, person, any(NodeKind.PERSON));
            maybe(0.3, RelationshipType.OFFICER_OF, person, any(NodeKind.COMPANY));
            maybe(0.5, RelationshipType.USES, person, any(NodeKind.EMAIL_ADDRESS, NodeKind.PHONE_NUMBER));
        }
        for (Entity operation : entities(NodeKind.OPERATION)) {
            for (Entity parcel : entities(NodeKind.SHIPMENT)) {
                maybe(0.4, RelationshipType.INSPECTED, operation, parcel);
                maybe(0.2, RelationshipType.SEIZED, operation, parcel);
            }
            maybe(0.6, RelationshipType.TOOK_DOWN, operation, any(NodeKind.WEBSITE));
            maybe(0.6, RelationshipType.INVESTIGATES, operation, any(NodeKind.PERSON));
            maybe(0.7, RelationshipType.COORDINATED_BY, operation, any(NodeKind.AGENCY));
            maybe(0.4, RelationshipType.SUPPORTED_BY, operation, any(NodeKind.AGENCY));
            maybe(0.7, RelationshipType.PARTICIPATED_IN, any(NodeKind.COUNTRY), operation);
        }
        for (Entity company : entities(NodeKind.COMPANY)) {
            maybe(0.3, RelationshipType.OPERATES, company, any(NodeKind.WEBSITE));
            maybe(0.5, RelationshipType.LOCATED_IN, company, any(NodeKind.COUNTRY));
        }
        for (NodeKind kind : List.of(NodeKind.HOSTING_PROVIDER, NodeKind.ADDRESS, NodeKind.AGENCY)) {
            for (Entity located : entities(kind)) {
                maybe(0.5, RelationshipType.LOCATED_IN, located, any(NodeKind.COUNTRY));
            }
        }
        for (Entity investigation : entities(NodeKind.CASE)) {
            maybe(0.7, RelationshipType.INVESTIGATES, investigation, any(NodeKind.PERSON));
        }
    }

    private void maybe(double chance, RelationshipType type, Entity from, Entity to) {
        if (from != null && to != null && from != to && this.random.nextDouble() < chance) {
            link(type, from, to, baseCases());
        }
    }

    /** A random entity of one of the kinds, or null if there is none. */
    private Entity any(NodeKind... kinds) {
        List<Entity> candidates = this.entities.stream().filter(e -> List.of(kinds).contains(e.kind())).toList();
        return candidates.isEmpty() ? null : candidates.get(this.random.nextInt(candidates.size()));
    }

    /** A link of {@code type} between random entities that pass {@code allowed}, if there are two. */
    Link randomLink(RelationshipType type, Predicate<Entity> allowed, List<String> cases) {
        List<Entity> from = this.entities.stream().filter(e -> type.from().contains(e.kind())).filter(allowed).toList();
        List<Entity> to = this.entities.stream().filter(e -> type.to().contains(e.kind())).filter(allowed).toList();
        return randomLink(type, from, to, cases);
    }

    /** A link of {@code type} from one of {@code from} to one of {@code to} (not itself), if any. */
    Link randomLink(RelationshipType type, List<Entity> from, List<Entity> to, List<String> cases) {
        for (int attempt = 0; attempt < 10 && !from.isEmpty() && !to.isEmpty(); attempt++) {
            Entity a = from.get(this.random.nextInt(from.size()));
            Entity b = to.get(this.random.nextInt(to.size()));
            if (a != b) {
                return link(type, a, b, cases);
            }
        }
        return null;
    }

    /** A link with random provenance, and the properties of its type. */
    Link link(RelationshipType type, Entity from, Entity to, List<String> cases) {
        Map<String, Object> props = new LinkedHashMap<>();
        if (!this.sources.isEmpty() && this.random.nextBoolean()) {
            props.put("source", this.sources.get(this.random.nextInt(this.sources.size())));
        }
        if (this.random.nextBoolean()) {
            props.put("grade", pick("A1", "B2", "C3"));
        }
        if (this.random.nextInt(10) < 4) {
            LocalDate from0 = date();
            props.put("validFrom", from0);
            if (this.random.nextBoolean()) {
                props.put("validTo", from0.plusDays(30 + this.random.nextInt(400)));
            }
        }
        switch (type) {
            case CONTAINED -> {
                props.put("quantity", (long) this.random.nextInt(300));
                props.put("counterfeit", this.random.nextBoolean());
            }
            case OFFICER_OF -> props.put("role", pick("director", "secretary"));
            case TOOK_DOWN -> props.put("date", date());
            default -> {
            }
        }
        Link link = new Link(type, from, to, props, cases);
        this.links.add(link);
        return link;
    }

    /** A day between 2019 and 2023, where the dates of the graph lie and asOf is asked. */
    LocalDate date() {
        return LocalDate.of(2019, 1, 1).plusDays(this.random.nextInt(5 * 365));
    }

    private String pick(String... values) {
        return values[this.random.nextInt(values.length)];
    }

    private static String capital(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

}
