package org.pangeagraph.model;

/** Where a person stands in the proceedings. Stored as the constant's name. */
public enum PersonStatus {

    SUSPECT,
    UNDER_INVESTIGATION,
    ARRESTED,
    CHARGED,
    CONVICTED,
    CLEARED

}
