package org.pangeagraph.model;

import static org.pangeagraph.model.PropertyRule.EMAIL;
import static org.pangeagraph.model.PropertyRule.NON_NEGATIVE;
import static org.pangeagraph.model.PropertyRule.URL;
import static org.pangeagraph.model.PropertySpec.Filter.ANY_OF;
import static org.pangeagraph.model.PropertySpec.Filter.DATE_RANGE;
import static org.pangeagraph.model.PropertySpec.Filter.EQUALS;
import static org.pangeagraph.model.PropertySpec.Filter.ONE_OF;
import static org.pangeagraph.model.PropertySpec.filter;
import static org.pangeagraph.model.PropertySpec.freeText;
import static org.pangeagraph.model.PropertySpec.plain;
import static org.pangeagraph.model.PropertySpec.ruled;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The kinds of entity in the investigation graph (DOMAIN.md): their label, natural key and its
 * normal form, and the properties they carry. Everything that builds Cypher takes labels from here,
 * never from input.
 */
public enum NodeKind {

    WEBSITE("Website", "domain", KeyForm.DOMAIN, "domain", "domain",
            plain("url").withRule(URL), plain("name"), filter("status", PropertyRule.ANY, ONE_OF),
            filter("firstSeen", PropertyRule.ANY, DATE_RANGE), filter("lastSeen", PropertyRule.ANY, DATE_RANGE),
            filter("categories", PropertyRule.ANY, ANY_OF), filter("language", PropertyRule.ANY, EQUALS)),

    IP_ADDRESS("IpAddress", "address", KeyForm.IP_ADDRESS, "address", "address",
            filter("asn", NON_NEGATIVE, EQUALS), filter("country", PropertyRule.COUNTRY, ONE_OF)),

    HOSTING_PROVIDER("HostingProvider", "nameKey", KeyForm.NAME, "name", "name",
            plain("name"), filter("asn", NON_NEGATIVE, EQUALS), filter("country", PropertyRule.COUNTRY, ONE_OF),
            ruled("abuseEmail", EMAIL)),

    REGISTRAR("Registrar", "nameKey", KeyForm.NAME, "name", "name",
            plain("name"), filter("ianaId", NON_NEGATIVE, EQUALS), filter("country", PropertyRule.COUNTRY, ONE_OF)),

    EMAIL_ADDRESS("EmailAddress", "address", KeyForm.EMAIL, "address", "address"),

    PHONE_NUMBER("PhoneNumber", "number", KeyForm.PHONE, "number", "number"),

    PAYMENT_ACCOUNT("PaymentAccount", "identifier", KeyForm.PAYMENT_IDENTIFIER, "identifier", "identifier",
            filter("kind", PropertyRule.ANY, ONE_OF), filter("provider", PropertyRule.ANY, EQUALS),
            filter("country", PropertyRule.COUNTRY, ONE_OF)),

    SHIPMENT("Shipment", "trackingNumber", KeyForm.TRACKING_NUMBER, "trackingNumber", "trackingNumber",
            filter("inspectedOn", PropertyRule.ANY, DATE_RANGE), filter("seized", PropertyRule.ANY, EQUALS),
            freeText("declaredContent"), ruled("pillCount", NON_NEGATIVE),
            filter("originCountry", PropertyRule.COUNTRY, ONE_OF), filter("destinationCountry", PropertyRule.COUNTRY, ONE_OF)),

    COURIER("Courier", "nameKey", KeyForm.NAME, "name", "name",
            plain("name")),

    PRODUCT("Product", "nameKey", KeyForm.NAME, "name", "name",
            plain("name"), plain("activeIngredient"), filter("category", PropertyRule.ANY, ONE_OF),
            filter("prescriptionOnly", PropertyRule.ANY, EQUALS), filter("controlled", PropertyRule.ANY, EQUALS)),

    ADDRESS("Address", "key", KeyForm.ADDRESS, "text", "text",
            freeText("text"), filter("country", PropertyRule.COUNTRY, ONE_OF)),

    PERSON("Person", null, null, null, "name",
            plain("name"), plain("aliases"), plain("dateOfBirth"), filter("nationality", PropertyRule.COUNTRY, ONE_OF),
            filter("status", PropertyRule.ANY, ONE_OF)),

    /** Keyed on name and country together: two companies of one name in two countries are two. */
    COMPANY("Company", "nameKey", KeyForm.NAME, "name", "name",
            plain("name"), filter("country", PropertyRule.COUNTRY, ONE_OF), plain("registrationNumber")),

    OPERATION("Operation", "code", KeyForm.CODE, "code", "code",
            plain("name"), filter("startDate", PropertyRule.ANY, DATE_RANGE), filter("endDate", PropertyRule.ANY, DATE_RANGE),
            ruled("websitesIdentified", NON_NEGATIVE), ruled("websitesTakenDown", NON_NEGATIVE),
            ruled("packagesInspected", NON_NEGATIVE), ruled("packagesSeized", NON_NEGATIVE),
            ruled("pillsSeized", NON_NEGATIVE), ruled("suspectsUnderInvestigation", NON_NEGATIVE)),

    AGENCY("Agency", "nameKey", KeyForm.NAME, "name", "name",
            plain("name"), plain("acronym"), filter("kind", PropertyRule.ANY, ONE_OF)),

    COUNTRY("Country", "code", KeyForm.COUNTRY_CODE, "code", "name",
            plain("name")),

    CASE("Case", "number", KeyForm.CODE, "number", "number",
            freeText("title"), filter("status", PropertyRule.ANY, ONE_OF), filter("openedOn", PropertyRule.ANY, DATE_RANGE)),

    SOURCE("Source", "key", KeyForm.TRIMMED, "key", "title",
            freeText("title"), filter("kind", PropertyRule.ANY, ONE_OF), plain("url").withRule(URL),
            filter("publishedOn", PropertyRule.ANY, DATE_RANGE), plain("agency"));

    /** The label every entity carries beside its own. */
    public static final String ENTITY_LABEL = "Entity";

    private final String label;

    private final String keyProperty;

    private final KeyForm keyForm;

    private final String keyInput;

    private final String captionProperty;

    private final List<PropertySpec> properties;

    NodeKind(String label, String keyProperty, KeyForm keyForm, String keyInput, String captionProperty,
            PropertySpec... properties) {
        this.label = label;
        this.keyProperty = keyProperty;
        this.keyForm = keyForm;
        this.keyInput = keyInput;
        this.captionProperty = captionProperty;
        this.properties = List.of(properties);
    }

    /** The Neo4j label, which is also the GraphQL type name. */
    public String label() {
        return this.label;
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
        return this.properties.stream().filter(p -> p.name().equals(name)).findFirst();
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
        return Arrays.stream(values()).filter(k -> k.label.equals(label)).findFirst();
    }

}
