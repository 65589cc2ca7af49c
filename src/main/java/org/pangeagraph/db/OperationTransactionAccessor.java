package org.pangeagraph.db;

import io.micrometer.context.ThreadLocalAccessor;

/**
 * Carries the {@link OperationTransaction} of a request to every thread that works on it: Spring for
 * GraphQL restores the values of registered accessors, read from the request's GraphQL context, around
 * every data fetcher and batch loader it calls. Registered through
 * {@code META-INF/services/io.micrometer.context.ThreadLocalAccessor}.
 */
public final class OperationTransactionAccessor implements ThreadLocalAccessor<OperationTransaction> {

    @Override
    public Object key() {
        return OperationTransaction.CONTEXT_KEY;
    }

    @Override
    public OperationTransaction getValue() {
        return OperationTransaction.joined();
    }

    @Override
    public void setValue(OperationTransaction value) {
        OperationTransaction.join(value);
    }

    @Override
    public void setValue() {
        OperationTransaction.restore(null);
    }

    @Override
    public void restore(OperationTransaction previous) {
        OperationTransaction.restore(previous);
    }

}
