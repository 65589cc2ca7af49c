package org.pangeagraph.payment;

import java.util.Map;

import org.pangeagraph.entity.EntityConnection;
import org.pangeagraph.entity.EntityReader;
import org.pangeagraph.entity.EntityWriter;
import org.pangeagraph.entity.Node;
import org.pangeagraph.model.Caller;
import org.pangeagraph.model.NodeKind;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Payment accounts. */
@Controller
class PaymentController {

    private final EntityReader reader;

    private final EntityWriter writer;

    PaymentController(EntityReader reader, EntityWriter writer) {
        this.reader = reader;
        this.writer = writer;
    }

    @QueryMapping
    Node paymentAccount(@Argument String identifier, @ContextValue Caller caller) {
        return this.reader.byKey(NodeKind.PAYMENT_ACCOUNT, "identifier", identifier, null, caller.visibility());
    }

    @QueryMapping
    EntityConnection paymentAccounts(@Argument Map<String, Object> filter, @Argument int first, @Argument String after,
            @ContextValue Caller caller) {
        return this.reader.list(NodeKind.PAYMENT_ACCOUNT, filter, first, after, caller.visibility());
    }

    @MutationMapping
    PaymentAccountPayload upsertPaymentAccount(@Argument PaymentAccountInput input, @ContextValue Caller caller) {
        EntityWriter.Upserted result = this.writer.upsert(input, caller);
        return new PaymentAccountPayload(result.created(), result.node());
    }

}
