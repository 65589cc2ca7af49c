package org.pangeagraph.website;

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

/** Websites: the storefronts. */
@Controller
class WebsiteController {

    private final EntityReader reader;

    private final EntityWriter writer;

    WebsiteController(EntityReader reader, EntityWriter writer) {
        this.reader = reader;
        this.writer = writer;
    }

    @QueryMapping
    Node website(@Argument String domain, @ContextValue Caller caller) {
        return this.reader.byKey(NodeKind.WEBSITE, "domain", domain, null, caller.visibility());
    }

    @QueryMapping
    EntityConnection websites(@Argument Map<String, Object> filter, @Argument int first, @Argument String after,
            @ContextValue Caller caller) {
        return this.reader.list(NodeKind.WEBSITE, filter, first, after, caller.visibility());
    }

    @MutationMapping
    WebsitePayload upsertWebsite(@Argument WebsiteInput input, @ContextValue Caller caller) {
        EntityWriter.Upserted result = this.writer.upsert(input, caller);
        return new WebsitePayload(result.created(), result.node());
    }

}
