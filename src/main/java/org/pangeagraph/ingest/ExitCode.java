package org.pangeagraph.ingest;

/** How the import command ends, as the process's exit status; scripts and CI jobs branch on it. */
public enum ExitCode {

    /** Every script ran and was committed. */
    OK(0),

    /**
     * A statement failed: its transaction was rolled back, what was committed before stays. With
     * {@code --new-store}: the load failed, and the store was left as it was.
     */
    STATEMENT_FAILED(1),

    /** Nothing was run: no scripts, an unknown option, a file that cannot be read or a script that cannot be split. */
    USAGE(2),

    /** The database could not be reached or opened; with {@code --new-store}, the store is in use by another process. */
    DATABASE_UNREACHABLE(3),

    /** Nothing was run: the user could not be signed in as an administrator. */
    NOT_ALLOWED(4),

    /** Nothing was run: the store named for {@code --new-store} holds a database already. */
    STORE_NOT_EMPTY(5);

    private final int status;

    ExitCode(int status) {
        this.status = status;
    }

    public int status() {
        return this.status;
    }

}
