package org.pangeagraph.operation;

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

/** Operations, agencies, countries, cases and sources. */
@Controller
class OperationController {

    private final EntityReader reader;

    private final EntityWriter writer;

    OperationController(EntityReader reader, EntityWriter writer) {
        this.reader = reader;
        this.writer = writer;
    }

    @QueryMapping
    Node operation(@Argument String code, @ContextValue Caller caller) {
        return this.reader.byKey(NodeKind.OPERATION, "code", code, null, caller.visibility());
    }

    @QueryMapping
    EntityConnection operations(@Argument Map<String, Object> filter, @Argument int first, @Argument String after,
            @ContextValue Caller caller) {
        return this.reader.list(NodeKind.OPERATION, filter, first, after, caller.visibility());
    }

    @MutationMapping
    OperationPayload upsertOperation(@Argument OperationInput input, @ContextValue Caller caller) {
        EntityWriter.Upserted result = this.writer.upsert(input, caller);
        return new OperationPayload(result.created(), result.node());
    }

    @QueryMapping
    Node agency(@Argument String name, @ContextValue Caller caller) {
        return this.reader.byKey(NodeKind.AGENCY, "name", name, null, caller.visibility());
    }

    @QueryMapping
    EntityConnection agencies(@Argument Map<String, Object> filter, @Argument int first, @Argument String after,
            @ContextValue Caller caller) {
        return this.reader.list(NodeKind.AGENCY, filter, first, after, caller.visibility());
    }

    @MutationMapping
    AgencyPayload upsertAgency(@Argument AgencyInput input, @ContextValue Caller caller) {
        EntityWriter.Upserted result = this.writer.upsert(input, caller);
        return new AgencyPayload(result.created(), result.node());
    }

    @QueryMapping
    Node country(@Argument String code, @ContextValue Caller caller) {
        return this.reader.byKey(NodeKind.COUNTRY, "code", code, null, caller.visibility());
    }

    @QueryMapping
    EntityConnection countries(@Argument Map<String, Object> filter, @Argument int first, @Argument String after,
            @ContextValue Caller caller) {
        return this.reader.list(NodeKind.COUNTRY, filter, first, after, caller.visibility());
    }

    @MutationMapping
    CountryPayload upsertCountry(@Argument CountryInput input, @ContextValue Caller caller) {
        EntityWriter.Upserted result = this.writer.upsert(input, caller);
        return new CountryPayload(result.created(), result.node());
    }

    @QueryMapping("case")
    Node caseByNumber(@Argument String number, @ContextValue Caller caller) {
        return this.reader.byKey(NodeKind.CASE, "number", number, null, caller.visibility());
    }

    @QueryMapping
    EntityConnection cases(@Argument Map<String, Object> filter, @Argument int first, @Argument String after,
            @ContextValue Caller caller) {
        return this.reader.list(NodeKind.CASE, filter, first, after, caller.visibility());
    }

    @MutationMapping
    CasePayload upsertCase(@Argument CaseInput input, @ContextValue Caller caller) {
        EntityWriter.Upserted result = this.writer.upsert(input, caller);
        return new CasePayload(result.created(), result.node());
    }

    @QueryMapping
    Node source(@Argument String key, @ContextValue Caller caller) {
        return this.reader.byKey(NodeKind.SOURCE, "key", key, null, caller.visibility());
    }

    @QueryMapping
    EntityConnection sources(@Argument Map<String, Object> filter, @Argument int first, @Argument String after,
            @ContextValue Caller caller) {
        return this.reader.list(NodeKind.SOURCE, filter, first, after, caller.visibility());
    }

    @MutationMapping
    SourcePayload upsertSource(@Argument SourceInput input, @ContextValue Caller caller) {
        EntityWriter.Upserted result = this.writer.upsert(input, caller);
        return new SourcePayload(result.created(), result.node());
    }

}
