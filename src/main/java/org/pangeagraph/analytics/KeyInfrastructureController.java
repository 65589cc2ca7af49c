package org.pangeagraph.analytics;

import java.util.List;

import org.pangeagraph.model.Caller;
import org.pangeagraph.model.InfrastructureKind;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Which infrastructure to go after first. */
@Controller
class KeyInfrastructureController {

    private final KeyInfrastructure keyInfrastructure;

    KeyInfrastructureController(KeyInfrastructure keyInfrastructure) {
        this.keyInfrastructure = keyInfrastructure;
    }

    @QueryMapping
    List<KeyInfrastructure.KeyInfrastructureItem> keyInfrastructure(@Argument List<InfrastructureKind> kinds,
            @Argument int first, @Argument boolean resolve, @ContextValue Caller caller) {
        return this.keyInfrastructure.rank(kinds, first, resolve, caller.visibility());
    }

}
