package org.pangeagraph.entity;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.IntSupplier;

import org.pangeagraph.model.InvalidInputException;

/**
 * A page of a list query, shaped as a Relay connection.
 * (Spring GraphQL passes values through to a connection type as they are when their class name ends
 * in "Connection"; an adapter would rebuild the connection without {@code totalCount}.) {@code totalCount} is counted only when a
 * caller asks for it: the count is a second statement that most pages do not need.
 */
public final class EntityConnection {

    private final List<Edge> edges;

    private final PageInfo pageInfo;

    private final IntSupplier counter;

    private Integer totalCount;

    public EntityConnection(List<Edge> edges, PageInfo pageInfo, IntSupplier counter) {
        this.edges = edges;
        this.pageInfo = pageInfo;
        this.counter = counter;
    }

    public List<Edge> edges() {
        return this.edges;
    }

    public PageInfo pageInfo() {
        return this.pageInfo;
    }

    public synchronized int totalCount() {
        if (this.totalCount == null) {
            this.totalCount = this.counter.getAsInt();
        }
        return this.totalCount;
    }

    /** An entity on the page, with the cursor to continue after it. */
    public record Edge(String cursor, Node node) {
    }

    /** Where the page ends. */
    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }

    /**
     * A keyset cursor: the sort value and id of the last entity seen. Opaque to callers; a cursor that
     * was not issued by this API is an INVALID_INPUT error.
     */
    public record Cursor(String sortValue, String id) {

        private static final String SEPARATOR = "\u0000";

        public String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((this.sortValue + SEPARATOR + this.id).getBytes(StandardCharsets.UTF_8));
        }

        public static Cursor decode(String field, String cursor) {
            try {
                String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                int split = text.indexOf(SEPARATOR);
                if (split < 0) {
                    throw new IllegalArgumentException();
                }
                return new Cursor(text.substring(0, split), text.substring(split + 1));
            }
            catch (IllegalArgumentException ex) {
                throw new InvalidInputException(field, "is not a cursor this API issued; pass a page's endCursor");
            }
        }

    }

}
