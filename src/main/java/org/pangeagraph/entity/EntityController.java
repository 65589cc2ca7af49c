package org.pangeagraph.entity;

import java.util.Map;

import org.pangeagraph.model.Caller;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Entities of any kind: by id, linking, unlinking, deleting. (Each kind's lookup, list and upsert are
 * wired from the model by {@link EntityKindWiring}.)
 */
@Controller
class EntityController {

    private final EntityReader reader;

    private final EntityWriter writer;

    private final LinkWriter links;

    EntityController(EntityReader reader, EntityWriter writer, LinkWriter links) {
        this.reader = reader;
        this.writer = writer;
        this.links = links;
    }

    @QueryMapping
    Node node(@Argument String id, @ContextValue Caller caller) {
        return this.reader.byId(id, caller.visibility());
    }

    @MutationMapping
    LinkWriter.Written link(@Argument Map<String, Object> input, @ContextValue Caller caller) {
        return this.links.link(LinkInput.of(input), caller);
    }

    @MutationMapping
    UnlinkPayload unlink(@Argument UnlinkInput input, @ContextValue Caller caller) {
        return new UnlinkPayload(this.links.unlink(input, caller));
    }

    @MutationMapping
    EntityWriter.Deleted deleteEntity(@Argument String id, @ContextValue Caller caller) {
        return this.writer.delete(id, caller);
    }

    /** What {@code unlink} did. */
    record UnlinkPayload(int removed) {
    }

}
