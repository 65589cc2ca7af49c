/**
 * Subgraphs in the formats link-analysis tools read: Cytoscape.js JSON (elements), GraphML (Gephi,
 * yEd) and CSV node and edge tables (Gephi's spreadsheet import, any spreadsheet). The areas that
 * compute subgraphs serve them over HTTP GET through {@link org.pangeagraph.export.SubgraphExport}.
 */
package org.pangeagraph.export;
