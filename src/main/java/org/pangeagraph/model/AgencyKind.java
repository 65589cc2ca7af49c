package org.pangeagraph.model;

/** What kind of body an agency is. Stored as the constant's name. */
public enum AgencyKind {

    POLICE,
    CUSTOMS,
    REGULATOR,
    INTERNATIONAL,
    OTHER

}
