/**
 * The explorer: a link-analysis page at {@code /explorer} (HTML, CSS and JavaScript modules under
 * {@code static/explorer/}, Cytoscape.js from webjars) built only on the public API, the GraphQL endpoint
 * and the export endpoints, as an outside frontend would use them. This package only maps the page's
 * address; it depends on no other package of the project.
 */
package org.pangeagraph.explorer;
