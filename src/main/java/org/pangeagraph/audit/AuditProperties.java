package org.pangeagraph.audit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The audit trail ({@code pangea.audit.*}).
 *
 * @param directory where the log files are kept
 * @param rotateSize a file that has reached this size is closed and a new one started
 * @param retention files whose every record is older than this are deleted
 * @param redactVariables names of variables (at any depth, any case) whose values are logged as
 * {@code [REDACTED]}
 * @param requireJustification when a request must carry a justification
 */
@ConfigurationProperties("pangea.audit")
public record AuditProperties(
        @DefaultValue("data/audit") Path directory,
        @DefaultValue("64MB") DataSize rotateSize,
        @DefaultValue("365d") Duration retention,
        @DefaultValue({ "password", "token", "secret", "authorization", "credentials" }) List<String> redactVariables,
        @DefaultValue("NEVER") JustificationPolicy requireJustification) {

    public AuditProperties {
        redactVariables = List.copyOf(redactVariables);
    }

}
