package org.pangeagraph.db;

import io.micrometer.context.ThreadLocalAccessor;
import org.pangeagraph.model.Caller;

/**
 * Attributes the writes of a GraphQL request to its caller: Spring for GraphQL restores the values of
 * registered accessors, read from the request's GraphQL context, around every data fetcher and batch
 * loader, and the caller is kept there under {@link Caller#CONTEXT_KEY}. Registered, as
 * {@link OperationTransactionAccessor} is, through
 * {@code META-INF/services/io.micrometer.context.ThreadLocalAccessor}.
 */
public final class CallerAttributionAccessor implements ThreadLocalAccessor<Object> {

    @Override
    public Object key() {
        return Caller.CONTEXT_KEY;
    }

    @Override
    public Object getValue() {
        return WriteAttribution.current();
    }

    @Override
    public void setValue(Object value) {
        if (value instanceof Caller caller) {
            WriteAttribution.set(new WriteAttribution(caller.name(), null));
        }
        else if (value instanceof WriteAttribution attribution) {
            WriteAttribution.set(attribution);
        }
    }

    @Override
    public void setValue() {
        WriteAttribution.set(null);
    }

    @Override
    public void restore(Object previous) {
        WriteAttribution.set(previous instanceof WriteAttribution attribution ? attribution : null);
    }

}
