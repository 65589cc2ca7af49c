package org.pangeagraph.infrastructure;

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

/** Internet infrastructure: IP addresses, hosting providers, registrars. */
@Controller
class InfrastructureController {

    private final EntityReader reader;

    private final EntityWriter writer;

    InfrastructureController(EntityReader reader, EntityWriter writer) {
        this.reader = reader;
        this.writer = writer;
    }

    @QueryMapping
    Node ipAddress(@Argument String address, @ContextValue Caller caller) {
        return this.reader.byKey(NodeKind.IP_ADDRESS, "address", address, null, caller.visibility());
    }

    @QueryMapping
    EntityConnection ipAddresses(@Argument Map<String, Object> filter, @Argument int first, @Argument String after,
            @ContextValue Caller caller) {
        return this.reader.list(NodeKind.IP_ADDRESS, filter, first, after, caller.visibility());
    }

    @MutationMapping
    IpAddressPayload upsertIpAddress(@Argument IpAddressInput input, @ContextValue Caller caller) {
        EntityWriter.Upserted result = this.writer.upsert(input, caller);
        return new IpAddressPayload(result.created(), result.node());
    }

    @QueryMapping
    Node hostingProvider(@Argument String name, @ContextValue Caller caller) {
        return this.reader.byKey(NodeKind.HOSTING_PROVIDER, "name", name, null, caller.visibility());
    }

    @QueryMapping
    EntityConnection hostingProviders(@Argument Map<String, Object> filter, @Argument int first, @Argument String after,
            @ContextValue Caller caller) {
        return this.reader.list(NodeKind.HOSTING_PROVIDER, filter, first, after, caller.visibility());
    }

    @MutationMapping
    HostingProviderPayload upsertHostingProvider(@Argument HostingProviderInput input, @ContextValue Caller caller) {
        EntityWriter.Upserted result = this.writer.upsert(input, caller);
        return new HostingProviderPayload(result.created(), result.node());
    }

    @QueryMapping
    Node registrar(@Argument String name, @ContextValue Caller caller) {
        return this.reader.byKey(NodeKind.REGISTRAR, "name", name, null, caller.visibility());
    }

    @QueryMapping
    EntityConnection registrars(@Argument Map<String, Object> filter, @Argument int first, @Argument String after,
            @ContextValue Caller caller) {
        return this.reader.list(NodeKind.REGISTRAR, filter, first, after, caller.visibility());
    }

    @MutationMapping
    RegistrarPayload upsertRegistrar(@Argument RegistrarInput input, @ContextValue Caller caller) {
        EntityWriter.Upserted result = this.writer.upsert(input, caller);
        return new RegistrarPayload(result.created(), result.node());
    }

}
