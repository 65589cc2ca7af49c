/**
 * Analytics Cypher does badly, run in the JVM on a projection of the graph: criminal networks
 * (components of the website graph joined by binding items), key infrastructure (networks served and
 * betweenness centrality) and takedown impact. The projection is one read of the website-to-item
 * links the caller may see, cached by graph version, visibility and date.
 */
package org.pangeagraph.analytics;
