package org.pangeagraph.analytics;

import java.util.List;

import org.pangeagraph.model.Caller;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** What a takedown would do. */
@Controller
class TakedownImpactController {

    private final TakedownImpact impact;

    TakedownImpactController(TakedownImpact impact) {
        this.impact = impact;
    }

    @QueryMapping
    TakedownImpact.Impact takedownImpact(@Argument List<String> ids, @Argument boolean resolve, @ContextValue Caller caller) {
        return this.impact.assess(ids, resolve, caller.visibility());
    }

}
