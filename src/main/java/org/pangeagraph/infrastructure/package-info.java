/**
 * Internet infrastructure: IP addresses, hosting providers, registrars. Lookups by natural key, filtered lists, upserts; their inputs and payloads.
 */
package org.pangeagraph.infrastructure;
