package org.pangeagraph.entity;

import org.pangeagraph.model.NodeKind;

/**
 * Points at an entity: by id, or by kind and natural key (and country, for companies).
 *
 * @param id the entity's id
 * @param kind the entity's kind, with {@code key}
 * @param key the natural key in any written form, with {@code kind}
 * @param country a company's country
 */
public record EntityRef(String id, NodeKind kind, String key, String country) {
}
