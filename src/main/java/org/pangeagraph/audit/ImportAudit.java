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

    /** Names the user an import is recorded under, when not the operating system's. */
    public static final String USER_PROPERTY = "pangea.import.user";

    private ImportAudit() {
    }

    /**
     * Writes the record to the audit directory the environment configures.
     *
     * @param exit how the run ended (the import's exit code name)
     * @param committed what each script that ran committed, by script name
     */
    public static void record(Environment environment, List<CypherScript> scripts, int batchSize, String exit,
            Map<String, String> committed, Instant started) {
        AuditProperties properties = Binder.get(environment).bindOrCreate("pangea.audit", AuditProperties.class);
        String user = environment.getProperty(USER_PROPERTY, System.getProperty("user.name"));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("scripts", scripts.stream().map(CypherScript::name).toList());
        details.put("batchSize", batchSize);
        details.put("exit", exit);
        details.put("committed", committed);
        List<String> errors = exit.equals("OK") ? List.of() : List.of(exit);
        AuditEvent event = new AuditEvent(started, user, List.of(), null, "IMPORT",
                scripts.isEmpty() ? null : scripts.get(0).name(), AuditLine.sha256(text(scripts)), Map.of(), null, null, null,
                errors.isEmpty() ? AuditEvent.Outcome.OK : AuditEvent.Outcome.ERROR, errors,
                Duration.between(started, Instant.now()).toMillis(), details);
        AuditLog.of(properties).append(event, true);
    }

    /** What was run: each script's name and items, as the import read them. */
    private static String text(List<CypherScript> scripts) {
        return scripts.stream()
            .map(script -> script.name() + "\n" + script.items().stream().map(Object::toString).collect(Collectors.joining("\n")))
            .collect(Collectors.joining("\n"));
    }

}
