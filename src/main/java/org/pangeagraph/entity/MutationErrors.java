package org.pangeagraph.entity;

import graphql.GraphQLError;

/**
 * The errors of a mutation operation that wrote nothing, coded and worded where every other error of
 * the API is: the web package answers them, from its table of codes, below which this package sits.
 */
public interface MutationErrors {

    /** The error of a commit that failed, coded as the same failure of a field would be. */
    GraphQLError commitFailed(RuntimeException failure);

    /** The error of a field not written because {@code failedField} failed, or, when it is null, the commit. */
    GraphQLError notWritten(String field, String failedField);

}
