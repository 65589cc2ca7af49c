package org.pangeagraph.model;

/**
 * Tells who is calling the current request. The security configuration provides the real one; with
 * none, the application answers as a single local user who sees and writes everything.
 */
@FunctionalInterface
public interface CallerResolver {

    Caller current();

}
