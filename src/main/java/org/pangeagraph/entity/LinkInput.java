package org.pangeagraph.entity;

import java.time.LocalDate;
import java.util.List;

import org.pangeagraph.model.RelationshipType;

/**
 * A link to write: its type, its ends, its provenance and the properties particular to its type.
 */
public record LinkInput(RelationshipType type, EntityRef from, EntityRef to, String source, String grade,
        LocalDate validFrom, LocalDate validTo, List<String> cases, Integer quantity, Boolean counterfeit, String role,
        LocalDate date) {
}
