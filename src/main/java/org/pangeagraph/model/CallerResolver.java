package org.pangeagraph.model;

/**
 * Tells who is calling the current request: the signed-in user (the security package provides it).
 * REST controllers ask it; GraphQL resolvers find the caller in the request's context.
 */
@FunctionalInterface
public interface CallerResolver {

    Caller current();

}
