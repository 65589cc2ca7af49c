package org.pangeagraph.model;

/** Where a piece of information came from. Stored as the constant's name. */
public enum SourceKind {

    REPORT,
    SEIZURE_RECORD,
    WHOIS,
    PASSIVE_DNS,
    OSINT,
    TEST_PURCHASE,
    WITNESS,
    OTHER

}
