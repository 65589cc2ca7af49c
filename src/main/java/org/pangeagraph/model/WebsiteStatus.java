package org.pangeagraph.model;

/** Whether a storefront is reachable, and if not, why. Stored as the constant's name. */
public enum WebsiteStatus {

    ACTIVE,
    OFFLINE,
    TAKEN_DOWN,
    SUSPENDED

}
