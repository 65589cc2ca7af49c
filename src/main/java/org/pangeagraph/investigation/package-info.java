/**
 * Investigative traversals an investigator runs from GraphiQL or a link chart: search, shared
 * infrastructure between websites, neighbourhoods, paths and timelines, and an operation's figures
 * as the graph holds them. Each is one parameterised statement (or a fixed few), read-only, through
 * the caller's visibility.
 */
package org.pangeagraph.investigation;
