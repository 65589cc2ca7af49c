package org.pangeagraph.alert;

/** Where an alert stands. */
public enum AlertStatus {

    OPEN, IN_PROGRESS, CONFIRMED, DISMISSED;

    /** Whether it is still being worked, so that a further match is added to it. */
    boolean open() {
        return this == OPEN || this == IN_PROGRESS;
    }

}
