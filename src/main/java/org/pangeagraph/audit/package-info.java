/**
 * The audit trail: one record for every GraphQL operation, export and import (who, from where, why,
 * which cases and entities, how it ended), in an append-only log of JSON lines where each record
 * carries the hash of the one before it; the {@code audit verify} command checks the chain, and
 * administrators read the log through the {@code auditLog} query. Records are on disk before the
 * answer they describe is sent.
 */
package org.pangeagraph.audit;
