package org.pangeagraph.investigation;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import graphql.GraphQLContext;
import org.pangeagraph.entity.Node;
import org.pangeagraph.model.Caller;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/** An operation's figures as the graph holds them, batched for lists of operations. */
@Controller
class OperationFiguresController {

    private static final OperationFiguresQuery.Figures NONE = new OperationFiguresQuery.Figures(0, 0, 0, 0, 0, 0, 0);

    private final OperationFiguresQuery query;

    OperationFiguresController(OperationFiguresQuery query) {
        this.query = query;
    }

    @BatchMapping(typeName = "Operation")
    Map<Node, OperationFiguresQuery.Figures> figuresFromGraph(List<Node> operations, GraphQLContext context) {
        Caller caller = context.get(Caller.CONTEXT_KEY);
        Map<String, OperationFiguresQuery.Figures> byId = this.query.figures(operations.stream().map(Node::id).toList(),
                caller.visibility());
        return operations.stream().collect(Collectors.toMap(Function.identity(), o -> byId.getOrDefault(o.id(), NONE),
                (a, b) -> a));
    }

}
