package org.pangeagraph.model;

/** Whether a case is being worked. Stored as the constant's name. */
public enum CaseStatus {

    OPEN,
    SUSPENDED,
    CLOSED

}
