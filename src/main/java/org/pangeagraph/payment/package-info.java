/**
 * Payment accounts. Lookups by natural key, filtered lists, upserts; their inputs and payloads.
 */
package org.pangeagraph.payment;
