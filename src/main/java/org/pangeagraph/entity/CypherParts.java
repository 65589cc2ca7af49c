package org.pangeagraph.entity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.pangeagraph.model.CypherTemplate;
import org.pangeagraph.model.CypherTemplate.Fragment;
import org.pangeagraph.model.NodeKind;

/**
 * The small fixed parts the statements of entity reads and writes are made of, for the
 * {@code List<Fragment>} slots of their {@link CypherTemplate}s: which end of a link pattern has the arrow
 * head, what separates the entries of a list, a condition that only some kinds need.
 */
final class CypherParts {

    static final Fragment DASH = CypherTemplate.constant("-");

    static final Fragment LEFT_ARROW = CypherTemplate.constant("<-");

    static final Fragment RIGHT_ARROW = CypherTemplate.constant("->");

    static final Fragment COMMA = CypherTemplate.constant(", ");

    static final Fragment OR = CypherTemplate.constant(" OR ");

    /** For a kind keyed on its name and country (a company), the lookup's country too. */
    static final Fragment SAME_COUNTRY = CypherTemplate.constant(" AND n.country = $country");

    private CypherParts() {
    }

    /** The owner's end of a field's link pattern: {@code <-} when the field follows its links backwards. */
    static List<Fragment> tail(RelationField field) {
        return List.of(field.direction() == RelationField.Direction.INCOMING ? LEFT_ARROW : DASH);
    }

    /** The other end of a field's link pattern: {@code ->} when the field follows its links forwards. */
    static List<Fragment> head(RelationField field) {
        return List.of(field.direction() == RelationField.Direction.OUTGOING ? RIGHT_ARROW : DASH);
    }

    /** {@code part} when {@code condition} holds, else nothing. */
    static List<Fragment> when(boolean condition, Fragment part) {
        return condition ? List.of(part) : List.of();
    }

    /** What goes before the {@code index}th entry of a list: nothing before the first, {@code separator} before the others. */
    static List<Fragment> before(int index, Fragment separator) {
        return when(index > 0, separator);
    }

    /** The country of a lookup by key, when the kind's key includes it. */
    static List<Fragment> country(NodeKind kind) {
        return when(kind.keyIncludesCountry(), SAME_COUNTRY);
    }

    /**
     * One kind of each sort property among {@code kinds}, in the kinds' order: a field's links are in the
     * order of {@code coalesce(m.<sort of each>, m.id)}.
     */
    static List<NodeKind> bySortProperty(Set<NodeKind> kinds) {
        Map<String, NodeKind> bySort = new LinkedHashMap<>();
        kinds.forEach(k -> bySort.putIfAbsent(k.sortProperty(), k));
        return List.copyOf(bySort.values());
    }

}
