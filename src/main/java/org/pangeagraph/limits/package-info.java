/**
 * What one request may ask of the API, so that a public endpoint survives hostile queries: the shape
 * of a document (tokens, depth, fields, aliases, directives) checked before validation, the cost of a
 * query before it runs, a time limit for the whole request, and per-user rate and concurrency limits
 * answered with HTTP 429. Each limit is a {@code pangea.limits.*} property.
 */
package org.pangeagraph.limits;
