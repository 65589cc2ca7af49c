package org.pangeagraph.resolution;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.pangeagraph.model.NodeKind;

/**
 * Products: names without their strength and dosage form ("Sildenafil 100mg tabs", "SILDENAFIL
 * 100 MG"), and the active ingredient with the strength: the same ingredient at the same strength is
 * the same product whatever the brand, at another strength another product.
 */
final class ProductResolver extends KindResolver<ProductResolver.Form> {

    private static final Pattern STRENGTH = Pattern.compile("(\\d+(?:[.,]\\d+)?)\\s*(mg|mcg|µg|ug|g|ml|iu)\\b");

    /** Words of a product's name that say how it is taken or packed, not what it is. */
    private static final Set<String> DOSAGE_FORMS = Set.of("tablet", "tablets", "tab", "tabs", "capsule", "capsules", "cap", "caps",
            "pill", "pills", "film", "coated", "filmcoated", "oral", "jelly", "generic", "pack", "x", "mg", "mcg", "ug", "g", "ml", "iu");

    /** A product as compared. */
    record Form(String written, List<String> core, String joined, String ingredient, String strength) {
    }

    @Override
    NodeKind kind() {
        return NodeKind.PRODUCT;
    }

    @Override
    List<String> properties() {
        return List.of("name", "activeIngredient");
    }

    @Override
    double prior() {
        return -1.5;
    }

    @Override
    Form prepare(Map<String, Object> values) {
        String name = values.get("name") instanceof String n ? n : "";
        String latin = Texts.latin(name);
        String strength = strength(latin);
        List<String> core = Texts.tokens(STRENGTH.matcher(latin).replaceAll(" ")).stream()
            .filter(w -> !DOSAGE_FORMS.contains(w) && !w.chars().allMatch(Character::isDigit)).sorted().toList();
        String ingredient = values.get("activeIngredient") instanceof String i && !i.isBlank() ? String.join(" ", Texts.tokens(i)) : null;
        return new Form(name.strip(), core, String.join(" ", core), ingredient, strength);
    }

    /** The strength written in a name, in milligrams where it is a mass ("0.1 g" is "100mg"). */
    static String strength(String latin) {
        Matcher m = STRENGTH.matcher(latin);
        if (!m.find()) {
            return null;
        }
        BigDecimal amount = new BigDecimal(m.group(1).replace(',', '.'));
        String unit = m.group(2);
        switch (unit) {
            case "g" -> {
                amount = amount.multiply(BigDecimal.valueOf(1000));
                unit = "mg";
            }
            case "mcg", "µg", "ug" -> {
                amount = amount.divide(BigDecimal.valueOf(1000));
                unit = "mg";
            }
            default -> {
            }
        }
        return amount.stripTrailingZeros().toPlainString() + unit;
    }

    @Override
    Set<String> blockingKeys(Form product) {
        Set<String> keys = new LinkedHashSet<>();
        if (!product.joined().isEmpty()) {
            keys.add("n:" + product.joined());
            Texts.metaphones(product.core().get(0)).forEach(code -> keys.add("nm:" + code));
        }
        if (product.ingredient() != null) {
            keys.add("i:" + product.ingredient() + "|" + product.strength());
        }
        return keys;
    }

    @Override
    List<Feature> features(Form a, Form b) {
        List<Feature> features = new ArrayList<>();
        if (!a.joined().isEmpty() && !b.joined().isEmpty()) {
            features.add(Feature.names("NAME", a.joined(), b.joined(), a.written(), b.written()));
        }
        if (a.ingredient() != null && b.ingredient() != null) {
            features.add(Feature.agreement("ACTIVE_INGREDIENT", a.ingredient().equals(b.ingredient()), 2.0, -4.0,
                    "same active ingredient " + a.ingredient(), "active ingredients " + a.ingredient() + " vs " + b.ingredient()));
        }
        if (a.strength() != null && b.strength() != null) {
            features.add(Feature.agreement("STRENGTH", a.strength().equals(b.strength()), 1.0, -4.0, "same strength " + a.strength(),
                    "strengths " + a.strength() + " vs " + b.strength()));
        }
        return features;
    }

}
