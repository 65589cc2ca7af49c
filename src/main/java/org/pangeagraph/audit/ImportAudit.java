package org.pangeagraph.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.pangeagraph.db.CypherScript;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The audit record of one run of the import command: type IMPORT, the user who ran it, the scripts
 * (by name, and their statements by hash), what each committed, and how the run ended.
 */
public final class ImportAudit {

    private ImportAudit() {
    }

    /**
     * Writes the record of a run to the audit directory the environment configures.
     *
     * @param user the administrator who signed in to the command
     * @param exit how the run ended (the import's exit code name)
     * @param committed what each script that ran committed, by script name
     */
    public static void record(Environment environment, String user, List<CypherScript> scripts, int batchSize, String exit,
            Map<String, String> committed, Instant started) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("scripts", scripts.stream().map(CypherScript::name).toList());
        details.put("batchSize", batchSize);
        details.put("exit", exit);
        details.put("committed", committed);
        boolean ok = exit.equals("OK");
        append(environment, new AuditEvent(started, user, List.of("ADMIN"), null, "IMPORT", firstName(scripts),
                AuditLine.sha256(text(scripts)), Map.of(), null, null, null, ok ? AuditEvent.Outcome.OK : AuditEvent.Outcome.ERROR,
                ok ? List.of() : List.of(exit), Duration.between(started, Instant.now()).toMillis(), details));
    }

    /** Writes the record of an import refused at sign-in: nothing was run. */
    public static void denied(Environment environment, String user, List<CypherScript> scripts, String reason, Instant started) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("scripts", scripts.stream().map(CypherScript::name).toList());
        details.put("reason", reason);
        append(environment, new AuditEvent(started, user, List.of(), null, "IMPORT", firstName(scripts),
                AuditLine.sha256(text(scripts)), Map.of(), null, null, null, AuditEvent.Outcome.DENIED, List.of("FORBIDDEN"),
                Duration.between(started, Instant.now()).toMillis(), details));
    }

    /**
     * Writes the record of a first load into a new store ({@code import --new-store DIR}), refused or run.
     *
     * @param dataDirectory DIR
     * @param listing the list of its files the load read (their hash is the record's document hash)
     * @param exit how it ended (the import's exit code name; {@code NOT_ALLOWED} when the sign-in refused it)
     * @param details the store, the files, the rows loaded and the times, or why it was refused
     */
    public static void recordNewStore(Environment environment, String user, String dataDirectory, String listing, String exit,
            Map<String, Object> details, Instant started) {
        Map<String, Object> all = new LinkedHashMap<>(details);
        all.put("exit", exit);
        boolean ok = exit.equals("OK");
        boolean denied = exit.equals("NOT_ALLOWED");
        append(environment, new AuditEvent(started, user, denied ? List.of() : List.of("ADMIN"), null, "IMPORT", dataDirectory,
                AuditLine.sha256(listing), Map.of(), null, null, null,
                ok ? AuditEvent.Outcome.OK : denied ? AuditEvent.Outcome.DENIED : AuditEvent.Outcome.ERROR,
                ok ? List.of() : List.of(denied ? "FORBIDDEN" : exit), Duration.between(started, Instant.now()).toMillis(), all));
    }

    private static void append(Environment environment, AuditEvent event) {
        AuditProperties properties = Binder.get(environment).bindOrCreate("pangea.audit", AuditProperties.class);
        try (AuditLog log = AuditLog.of(properties)) {
            log.append(event, true);
        }
    }

    private static String firstName(List<CypherScript> scripts) {
        return scripts.isEmpty() ? null : scripts.get(0).name();
    }

    /** What was run: each script's name and items, as the import read them. */
    private static String text(List<CypherScript> scripts) {
        return scripts.stream()
            .map(script -> script.name() + "\n" + script.items().stream().map(Object::toString).collect(Collectors.joining("\n")))
            .collect(Collectors.joining("\n"));
    }

}
