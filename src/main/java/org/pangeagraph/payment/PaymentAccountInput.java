package org.pangeagraph.payment;

import java.util.List;
import org.pangeagraph.entity.EntityInput;
import org.pangeagraph.model.NodeKind;
import org.pangeagraph.model.PaymentAccountKind;

/** The input of {@code upsertPaymentAccount}: the key and the properties to write; null fields are left as they are. */
public record PaymentAccountInput(
        String identifier,
        PaymentAccountKind kind,
        String provider,
        String country,
        List<String> cases,
        List<String> sources,
        Integer expectedVersion) implements EntityInput {

    @Override
    public NodeKind nodeKind() {
        return NodeKind.PAYMENT_ACCOUNT;
    }

}
