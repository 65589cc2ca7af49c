package org.pangeagraph.model;

/** What a storefront sells or a product is. Stored as the constant's name. */
public enum Category {

    PRESCRIPTION_ONLY,
    CONTROLLED,
    ANTIBIOTICS,
    STEROIDS,
    SLIMMING,
    LIFESTYLE,
    OTHER

}
