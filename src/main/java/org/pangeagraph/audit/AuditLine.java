package org.pangeagraph.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * One line of the log: a JSON object whose last member is {@code "hash"}, the SHA-256 of the line as
 * it would read without that member (the same object closed after {@code "prev"}). Hashing the exact
 * bytes written, not a re-serialisation, lets anyone check a line with {@code sha256sum} and leaves no
 * doubt about canonical forms.
 */
final class AuditLine {

    /** The {@code prev} of the first record ever written. */
    static final String GENESIS = "0".repeat(64);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String HASH_MEMBER = ",\"hash\":\"";

    /** The length of {@code ,"hash":"<64 hex>"}}. */
    private static final int HASH_SUFFIX = HASH_MEMBER.length() + 64 + 2;

    private AuditLine() {
    }

    /** The line for {@code event}, chained to {@code previousHash}, without its newline. */
    static Written write(AuditEvent event, String previousHash) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("time", event.time().toString());
        body.put("user", event.user());
        body.put("roles", event.roles());
        body.put("client", event.client());
        body.put("type", event.type());
        body.put("operation", event.operation());
        body.put("documentHash", event.documentHash());
        body.put("variables", event.variables());
        body.put("justification", event.justification());
        body.put("cases", event.cases());
        body.put("entityIds", event.entityIds());
        body.put("outcome", event.outcome().name());
        body.put("errors", event.errors());
        body.put("durationMs", event.durationMillis());
        body.put("details", event.details());
        body.put("prev", previousHash);
        String unhashed = JSON.writeValueAsString(body);
        String hash = sha256(unhashed);
        return new Written(unhashed.substring(0, unhashed.length() - 1) + HASH_MEMBER + hash + "\"}", hash);
    }

    /** A line as written, and its hash. */
    record Written(String line, String hash) {
    }

    /**
     * Reads a line back.
     *
     * @throws BrokenLineException if it is not a record of this log, or its hash does not match its content
     */
    static Parsed read(String line) {
        if (line.length() <= HASH_SUFFIX || !line.endsWith("\"}")
                || !line.startsWith(HASH_MEMBER, line.length() - HASH_SUFFIX)) {
            throw new BrokenLineException("not an audit record (no hash at its end)");
        }
        String hash = line.substring(line.length() - 66, line.length() - 2);
        String unhashed = line.substring(0, line.length() - HASH_SUFFIX) + "}";
        Map<String, Object> fields;
        try {
            fields = JSON.readValue(unhashed, LinkedHashMap.class);
        }
        catch (JacksonException ex) {
            throw new BrokenLineException("not valid JSON");
        }
        if (!sha256(unhashed).equals(hash)) {
            throw new BrokenLineException("its content does not match its hash: it was changed after it was written");
        }
        if (!(fields.get("prev") instanceof String prev)) {
            throw new BrokenLineException("it has no hash of the record before it");
        }
        return new Parsed(fields, prev, hash);
    }

    /** A line read back: its fields (without {@code hash}), the hash it chains to, and its own. */
    record Parsed(Map<String, Object> fields, String previousHash, String hash) {

        String time() {
            return String.valueOf(this.fields.get("time"));
        }

    }

    /** A line that is not an intact record. */
    static final class BrokenLineException extends RuntimeException {

        BrokenLineException(String message) {
            super(message, null, false, false);
        }

    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("Every Java runtime has SHA-256", ex);
        }
    }

}
