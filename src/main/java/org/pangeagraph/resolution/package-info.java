/**
 * Entity resolution: candidate pairs of entities that may be one (the same person, company, account or
 * storefront written differently), blocked and scored per kind with explained features, kept in memory
 * and updated from what changed since the last pass; judgements on them, stored as relationships of
 * their own; the SAME_AS clusters and their conflicts. Nothing is merged: an investigator judges.
 */
package org.pangeagraph.resolution;
