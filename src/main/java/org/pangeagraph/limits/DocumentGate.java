package org.pangeagraph.limits;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.GraphQLError;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.language.Document;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.parser.exceptions.ParseCancelledException;

/**
 * Where every document enters: parsed with the token limit, measured against the limits on depth,
 * fields, aliases, repeated fields and directives, and only then validated by graphql-java; the outcome, accepted or
 * refused, is cached by the document's text, so that a document sent again is neither parsed,
 * measured nor validated again.
 */
final class DocumentGate implements PreparsedDocumentProvider {

    private final LimitsProperties limits;

    private final ParserOptions parserOptions;

    private final Cache<String, PreparsedDocumentEntry> cache = Caffeine.newBuilder().maximumSize(2_000)
        .expireAfterAccess(Duration.ofHours(1)).build();

    DocumentGate(LimitsProperties limits) {
        this.limits = limits;
        this.parserOptions = parserOptions(limits);
    }

    /** The parser options of API requests: graphql-java's, with the configured token limit. */
    static ParserOptions parserOptions(LimitsProperties limits) {
        return ParserOptions.getDefaultOperationParserOptions().transform(options -> options.maxTokens(limits.tokens()));
    }

    ParserOptions parserOptions() {
        return this.parserOptions;
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
            Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        return CompletableFuture.completedFuture(this.cache.get(input.getQuery(),
                query -> refusal(query).map(PreparsedDocumentEntry::new).orElseGet(() -> parseAndValidate.apply(input))));
    }

    /** Why a document is refused before validation, if it is. */
    Optional<List<GraphQLError>> refusal(String query) {
        Document document;
        try {
            document = new Parser().parseDocument(ParserEnvironment.newParserEnvironment().document(query)
                .parserOptions(this.parserOptions).build());
        }
        catch (ParseCancelledException ex) {
            return Optional.of(List.of(LimitErrors.exceeded("tokens", "The document is too large to be parsed: at most "
                    + this.limits.tokens() + " tokens are allowed (pangea.limits.tokens)")));
        }
        catch (InvalidSyntaxException ex) {
            // graphql-java reports syntax errors with their location
            return Optional.empty();
        }
        DocumentShape shape = DocumentShape.of(document);
        List<GraphQLError> errors = new ArrayList<>();
        check(errors, "depth", "The depth of the query", shape.depth(), this.limits.depth());
        check(errors, "introspection-depth", "The depth of the schema introspection", shape.introspectionDepth(),
                this.limits.introspectionDepth());
        check(errors, "fields", "The number of fields", shape.fields(), this.limits.fields());
        check(errors, "aliases", "The number of aliases", shape.aliases(), this.limits.aliases());
        check(errors, "duplicate-fields", "The number of times one selection asks for '" + shape.repeatedKey() + "'",
                shape.repeats(), this.limits.duplicateFields());
        check(errors, "directives", "The number of directives", shape.directives(), this.limits.directives());
        return errors.isEmpty() ? Optional.empty() : Optional.of(errors);
    }

    private static void check(List<GraphQLError> errors, String limit, String what, long actual, int max) {
        if (actual > max) {
            errors.add(LimitErrors.exceeded(limit, what, actual, max));
        }
    }

}
