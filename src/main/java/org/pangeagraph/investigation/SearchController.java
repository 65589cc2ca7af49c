package org.pangeagraph.investigation;

import java.util.List;

import org.pangeagraph.model.Caller;
import org.pangeagraph.model.NodeKind;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Search across all kinds of entity. */
@Controller
class SearchController {

    private final SearchQuery search;

    SearchController(SearchQuery search) {
        this.search = search;
    }

    @QueryMapping
    List<SearchQuery.Hit> search(@Argument String text, @Argument List<NodeKind> kinds, @Argument int first,
            @ContextValue Caller caller) {
        return this.search.search(text, kinds, first, caller.visibility());
    }

}
