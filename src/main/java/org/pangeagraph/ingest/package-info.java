/**
 * The {@code import} command: runs cypher-shell style scripts (and the LOAD CSV templates of
 * {@code cypher/import/}) against the configured database in batched transactions, then the
 * post-import pass, and reports what was committed. It runs in a Spring context of its own, without
 * the web layer.
 */
package org.pangeagraph.ingest;
