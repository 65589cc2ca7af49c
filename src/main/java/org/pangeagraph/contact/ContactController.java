package org.pangeagraph.contact;

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

/** Contacts: e-mail addresses, phone numbers, postal addresses. */
@Controller
class ContactController {

    private final EntityReader reader;

    private final EntityWriter writer;

    ContactController(EntityReader reader, EntityWriter writer) {
        this.reader = reader;
        this.writer = writer;
    }

    @QueryMapping
    Node emailAddress(@Argument String address, @ContextValue Caller caller) {
        return this.reader.byKey(NodeKind.EMAIL_ADDRESS, "address", address, null, caller.visibility());
    }

    @QueryMapping
    EntityConnection emailAddresses(@Argument Map<String, Object> filter, @Argument int first, @Argument String after,
            @ContextValue Caller caller) {
        return this.reader.list(NodeKind.EMAIL_ADDRESS, filter, first, after, caller.visibility());
    }

    @MutationMapping
    EmailAddressPayload upsertEmailAddress(@Argument EmailAddressInput input, @ContextValue Caller caller) {
        EntityWriter.Upserted result = this.writer.upsert(input, caller);
        return new EmailAddressPayload(result.created(), result.node());
    }

    @QueryMapping
    Node phoneNumber(@Argument String number, @ContextValue Caller caller) {
        return this.reader.byKey(NodeKind.PHONE_NUMBER, "number", number, null, caller.visibility());
    }

    @QueryMapping
    EntityConnection phoneNumbers(@Argument Map<String, Object> filter, @Argument int first, @Argument String after,
            @ContextValue Caller caller) {
        return this.reader.list(NodeKind.PHONE_NUMBER, filter, first, after, caller.visibility());
    }

    @MutationMapping
    PhoneNumberPayload upsertPhoneNumber(@Argument PhoneNumberInput input, @ContextValue Caller caller) {
        EntityWriter.Upserted result = this.writer.upsert(input, caller);
        return new PhoneNumberPayload(result.created(), result.node());
    }

    @QueryMapping
    Node address(@Argument String text, @ContextValue Caller caller) {
        return this.reader.byKey(NodeKind.ADDRESS, "text", text, null, caller.visibility());
    }

    @QueryMapping
    EntityConnection addresses(@Argument Map<String, Object> filter, @Argument int first, @Argument String after,
            @ContextValue Caller caller) {
        return this.reader.list(NodeKind.ADDRESS, filter, first, after, caller.visibility());
    }

    @MutationMapping
    AddressPayload upsertAddress(@Argument AddressInput input, @ContextValue Caller caller) {
        EntityWriter.Upserted result = this.writer.upsert(input, caller);
        return new AddressPayload(result.created(), result.node());
    }

}
