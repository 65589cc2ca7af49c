/**
 * Contacts: e-mail addresses, phone numbers, postal addresses. Lookups by natural key, filtered lists, upserts; their inputs and payloads.
 */
package org.pangeagraph.contact;
