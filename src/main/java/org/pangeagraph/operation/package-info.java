/**
 * Operations, agencies, countries, cases and sources. Lookups by natural key, filtered lists, upserts; their inputs and payloads.
 */
package org.pangeagraph.operation;
