package org.pangeagraph.web;

import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import org.springframework.graphql.server.WebGraphQlRequest;

/** The operation a request asks to run, read from its document before or without running it. */
public final class RequestedOperation {

    private RequestedOperation() {
    }

    /** The operation of the request's name (or its only one), if the document parses and holds it; else null. */
    public static OperationDefinition of(WebGraphQlRequest request) {
        try {
            return Parser.parse(request.getDocument()).getDefinitionsOfType(OperationDefinition.class).stream()
                .filter(o -> request.getOperationName() == null || request.getOperationName().equals(o.getName()))
                .findFirst().orElse(null);
        }
        catch (InvalidSyntaxException ex) {
            return null;
        }
    }

}
