package org.pangeagraph.model;

import static org.pangeagraph.model.PropertyRule.EMAIL;
import static org.pangeagraph.model.PropertyRule.URL;
import static org.pangeagraph.model.PropertySpec.Filter.ANY_OF;
import static org.pangeagraph.model.PropertySpec.Filter.DATE_RANGE;
import static org.pangeagraph.model.PropertySpec.Filter.EQUALS;
import static org.pangeagraph.model.PropertySpec.Filter.ONE_OF;
import static org.pangeagraph.model.PropertySpec.bool;
import static org.pangeagraph.model.PropertySpec.count;
import static org.pangeagraph.model.PropertySpec.country;
import static org.pangeagraph.model.PropertySpec.date;
import static org.pangeagraph.model.PropertySpec.freeText;
import static org.pangeagraph.model.PropertySpec.text;
import static org.pangeagraph.model.PropertySpec.textList;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The kinds of entity in the investigation graph (the README's graph model): their label, the names
 * of their GraphQL fields, their natural key and its normal form, and the properties they carry.
 * Everything that builds Cypher takes labels from here, never from input; the GraphQL lookups, lists
 * and upserts of every kind are wired from here (entity.EntityKindWiring).
 */
public enum NodeKind {

    WEBSITE("Website", "websites", "domain", KeyForm.DOMAIN, "domain", "domain",
            text("url").rule(URL), text("name"), text("status").filter(ONE_OF),
            date("firstSeen").filter(DATE_RANGE), date("lastSeen").filter(DATE_RANGE).notBefore("firstSeen"),
            textList("categories").filter(ANY_OF), text("language").filter(EQUALS)),

    IP_ADDRESS("IpAddress", "ipAddresses", "address", KeyForm.IP_ADDRESS, "address", "address",
            count("asn").filter(EQUALS), country("country").filter(ONE_OF)),

    HOSTING_PROVIDER("HostingProvider", "hostingProviders", "nameKey", KeyForm.NAME, "name", "name",
            text("name"), count("asn").filter(EQUALS), country("country").filter(ONE_OF), text("abuseEmail").rule(EMAIL)),

    REGISTRAR("Registrar", "registrars", "nameKey", KeyForm.NAME, "name", "name",
            text("name"), count("ianaId").filter(EQUALS), country("country").filter(ONE_OF)),

    /** A DNS name server a website's domain is delegated to, keyed on its host name in normal form. */
    NAME_SERVER("NameServer", "nameServers", "hostName", KeyForm.DOMAIN, "hostName", "hostName"),

    EMAIL_ADDRESS("EmailAddress", "emailAddresses", "address", KeyForm.EMAIL, "address", "address"),

    PHONE_NUMBER("PhoneNumber", "phoneNumbers", "number", KeyForm.PHONE, "number", "number"),

    PAYMENT_ACCOUNT("PaymentAccount", "paymentAccounts", "identifier", KeyForm.PAYMENT_IDENTIFIER, "identifier", "identifier",
            text("kind").filter(ONE_OF), text("provider").filter(EQUALS), country("country").filter(ONE_OF)),

    SHIPMENT("Shipment", "shipments", "trackingNumber", KeyForm.TRACKING_NUMBER, "trackingNumber", "trackingNumber",
            date("inspectedOn").filter(DATE_RANGE), bool("seized").filter(EQUALS), freeText("declaredContent"),
            count("pillCount"), country("originCountry").filter(ONE_OF), country("destinationCountry").filter(ONE_OF)),

    COURIER("Courier", "couriers", "nameKey", KeyForm.NAME, "name", "name",
            text("name")),

    PRODUCT("Product", "products", "nameKey", KeyForm.NAME, "name", "name",
            text("name"), text("activeIngredient"), text("category").filter(ONE_OF),
            bool("prescriptionOnly").filter(EQUALS), bool("controlled").filter(EQUALS)),

    ADDRESS("Address", "addresses", "key", KeyForm.ADDRESS, "text", "text",
            freeText("text"), country("country").filter(ONE_OF)),

    PERSON("Person", "people", null, null, null, "name",
            text("name"), textList("aliases"), date("dateOfBirth"), country("nationality").filter(ONE_OF),
            text("status").filter(ONE_OF)),

    /** Keyed on name and country together: two companies of one name in two countries are two. */
    COMPANY("Company", "companies", "nameKey", KeyForm.NAME, "name", "name",
            text("name"), country("country").filter(ONE_OF), text("registrationNumber")),

    OPERATION("Operation", "operations", "code", KeyForm.CODE, "code", "code",
            text("name"), date("startDate").filter(DATE_RANGE), date("endDate").filter(DATE_RANGE).notBefore("startDate"),
            count("websitesIdentified"), count("websitesTakenDown"), count("packagesInspected"), count("packagesSeized"),
            count("pillsSeized"), count("suspectsUnderInvestigation")),

    AGENCY("Agency", "agencies", "nameKey", KeyForm.NAME, "name", "name",
            text("name"), text("acronym"), text("kind").filter(ONE_OF)),

    COUNTRY("Country", "countries", "code", KeyForm.COUNTRY_CODE, "code", "name",
            text("name")),

    CASE("Case", "cases", "number", KeyForm.CODE, "number", "number",
            freeText("title"), text("status").filter(ONE_OF), date("openedOn").filter(DATE_RANGE)),

    SOURCE("Source", "sources", "key", KeyForm.TRIMMED, "key", "title",
            freeText("title"), text("kind").filter(ONE_OF), text("url").rule(URL), date("publishedOn").filter(DATE_RANGE),
            text("agency"));

    /** The label every entity carries beside its own. */
    public static final String ENTITY_LABEL = "Entity";

    /** The common properties of every entity that are lists (absent reads as empty). */
    private static final Set<String> COMMON_LISTS = Set.of("cases", "sources");

    private static final Map<String, NodeKind> BY_LABEL = Arrays.stream(values())
        .collect(Collectors.toUnmodifiableMap(NodeKind::label, k -> k));

    private final String label;

    private final String plural;

    private final String keyProperty;

    private final KeyForm keyForm;

    private final String keyInput;

    private final String captionProperty;

    private final List<PropertySpec> properties;

    private final Map<String, PropertySpec> byName;

    private final Set<String> listProperties;

    /**
     * @param label the Neo4j label and GraphQL type name
     * @param plural the GraphQL field listing entities of the kind ({@code websites}, {@code people})
     * @param keyProperty the stored key, or null for a kind known by its id alone
     * @param keyForm the key's normal form
     * @param keyInput the property a caller writes the key in (and looks it up by)
     * @param captionProperty what an entity's caption shows
     * @param properties the kind's own properties, key excluded
     */
    NodeKind(String label, String plural, String keyProperty, KeyForm keyForm, String keyInput, String captionProperty,
            PropertySpec... properties) {
        this.label = label;
        this.plural = plural;
        this.keyProperty = keyProperty;
        this.keyForm = keyForm;
        this.keyInput = keyInput;
        this.captionProperty = captionProperty;
        this.properties = List.of(properties);
        Map<String, PropertySpec> named = new HashMap<>();
        this.properties.forEach(p -> named.put(p.name(), p));
        this.byName = Map.copyOf(named);
        this.listProperties = this.properties.stream().filter(p -> p.type() == PropertySpec.ValueType.TEXT_LIST)
            .map(PropertySpec::name).collect(Collectors.toUnmodifiableSet());
    }

    /** The Neo4j label, which is also the GraphQL type name. */
    public String label() {
        return this.label;
    }

    /** The GraphQL field of one entity of the kind by its key, and of the payload of its upsert: {@code website}, {@code case}. */
    public String fieldName() {
        return Character.toLowerCase(this.label.charAt(0)) + this.label.substring(1);
    }

    /** The GraphQL field listing entities of the kind, a page at a time: {@code websites}, {@code people}. */
    public String pluralFieldName() {
        return this.plural;
    }

    /** The GraphQL mutation writing an entity of the kind: {@code upsertWebsite}. */
    public String upsertFieldName() {
        return "upsert" + this.label;
    }

    /**
     * The arguments of the kind's lookup, in order: the key as written ({@link #keyInput()}), with the
     * country for companies; the id for a kind without a key.
     */
    public List<String> lookupArguments() {
        if (!hasKey()) {
            return List.of("id");
        }
        return keyIncludesCountry() ? List.of(this.keyInput, "country") : List.of(this.keyInput);
    }

    /** The stored key property, unique for the label; {@code null} for people, who have only an id. */
    public String keyProperty() {
        return this.keyProperty;
    }

    public KeyForm keyForm() {
        return this.keyForm;
    }

    /**
     * The property a caller writes the key in: the key itself, or the display value it is derived from
     * ({@code name} for {@code nameKey}, {@code text} for an address's {@code key}).
     */
    public String keyInput() {
        return this.keyInput;
    }

    /** Whether the key is derived from another property rather than written directly. */
    public boolean derivedKey() {
        return this.keyProperty != null && !this.keyProperty.equals(this.keyInput);
    }

    /** Companies are unique by name and country together. */
    public boolean keyIncludesCountry() {
        return this == COMPANY;
    }

    public boolean hasKey() {
        return this.keyProperty != null;
    }

    /** The property a list is ordered by: the key, or a person's name. */
    public String sortProperty() {
        return this.keyProperty != null ? this.keyProperty : this.captionProperty;
    }

    /** The kind-specific properties, key excluded. */
    public List<PropertySpec> properties() {
        return this.properties;
    }

    public Optional<PropertySpec> property(String name) {
        return Optional.ofNullable(this.byName.get(name));
    }

    /** Whether {@code name} is a list property of the kind (its own, or cases and sources), absent read as empty. */
    public boolean isList(String name) {
        return this.listProperties.contains(name) || COMMON_LISTS.contains(name);
    }

    /** A short human-readable name for an entity of this kind, for link charts and search hits. */
    public String caption(Map<String, ?> props) {
        Object caption = props.get(this.captionProperty);
        if (caption == null && this.keyProperty != null) {
            caption = props.get(this.keyProperty);
        }
        if (caption == null) {
            caption = props.get("id");
        }
        String text = String.valueOf(caption);
        if (this == COMPANY && props.get("country") != null) {
            return text + " (" + props.get("country") + ")";
        }
        if (this == OPERATION && props.get("name") != null) {
            return text + ": " + props.get("name");
        }
        return text;
    }

    /** The kind of a node with these labels, if it is an entity of the model. */
    public static Optional<NodeKind> ofLabels(Iterable<String> labels) {
        for (String label : labels) {
            Optional<NodeKind> kind = ofLabel(label);
            if (kind.isPresent()) {
                return kind;
            }
        }
        return Optional.empty();
    }

    public static Optional<NodeKind> ofLabel(String label) {
        return Optional.ofNullable(BY_LABEL.get(label));
    }

}
