package org.pangeagraph.people;

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

/** People and companies. */
@Controller
class PeopleController {

    private final EntityReader reader;

    private final EntityWriter writer;

    PeopleController(EntityReader reader, EntityWriter writer) {
        this.reader = reader;
        this.writer = writer;
    }

    @QueryMapping
    Node person(@Argument String id, @ContextValue Caller caller) {
        Node node = this.reader.byId(id, caller.visibility());
        return node != null && node.kind() == NodeKind.PERSON ? node : null;
    }

    @QueryMapping
    EntityConnection people(@Argument Map<String, Object> filter, @Argument int first, @Argument String after,
            @ContextValue Caller caller) {
        return this.reader.list(NodeKind.PERSON, filter, first, after, caller.visibility());
    }

    @MutationMapping
    PersonPayload upsertPerson(@Argument PersonInput input, @ContextValue Caller caller) {
        EntityWriter.Upserted result = this.writer.upsert(input, caller);
        return new PersonPayload(result.created(), result.node());
    }

    @QueryMapping
    Node company(@Argument String name, @Argument String country, @ContextValue Caller caller) {
        return this.reader.byKey(NodeKind.COMPANY, "name", name, country, caller.visibility());
    }

    @QueryMapping
    EntityConnection companies(@Argument Map<String, Object> filter, @Argument int first, @Argument String after,
            @ContextValue Caller caller) {
        return this.reader.list(NodeKind.COMPANY, filter, first, after, caller.visibility());
    }

    @MutationMapping
    CompanyPayload upsertCompany(@Argument CompanyInput input, @ContextValue Caller caller) {
        EntityWriter.Upserted result = this.writer.upsert(input, caller);
        return new CompanyPayload(result.created(), result.node());
    }

}
