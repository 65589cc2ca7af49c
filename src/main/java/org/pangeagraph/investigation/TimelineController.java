package org.pangeagraph.investigation;

import java.time.LocalDate;
import java.util.List;

import org.pangeagraph.model.Caller;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Dated events about entities. */
@Controller
class TimelineController {

    private final TimelineQuery timeline;

    TimelineController(TimelineQuery timeline) {
        this.timeline = timeline;
    }

    @QueryMapping
    List<TimelineQuery.Event> timeline(@Argument List<String> ids, @Argument LocalDate from, @Argument LocalDate to,
            @ContextValue Caller caller) {
        return this.timeline.events(ids, from, to, caller.visibility());
    }

}
