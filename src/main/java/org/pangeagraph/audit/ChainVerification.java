package org.pangeagraph.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the hash chain of an audit log directory, oldest file first, and names the first record that
 * breaks it: one whose content no longer matches its hash, or whose hash of the record before it does
 * not match that record (one before it was changed, removed or inserted). The oldest file kept may
 * start after files deleted by retention; its first record then chains to a hash no longer there,
 * which is reported and is not a break.
 */
final class ChainVerification {

    private static final Pattern TIME = Pattern.compile("\"time\":\"([^\"]*)\"");

    private ChainVerification() {
    }

    /** What the check found. */
    record Result(long records, int files, String firstTime, String lastTime, String lastHash, boolean startsAfterRetention,
            Break broken) {

        boolean intact() {
            return this.broken == null;
        }

    }

    /** The first broken record: its file, line (from 1), the time it claims, and what is wrong. */
    record Break(Path file, long line, String time, String problem) {
    }

    static Result verify(List<Path> files) {
        String previous = null;
        long records = 0;
        String firstTime = null;
        String lastTime = null;
        boolean startsAfterRetention = false;
        for (Path file : files) {
            String text = readAll(file);
            List<String> lines = List.of(text.split("\n", -1));
            int complete = lines.size() - 1;
            for (int i = 0; i < complete; i++) {
                String line = lines.get(i);
                AuditLine.Parsed parsed;
                try {
                    parsed = AuditLine.read(line);
                }
                catch (AuditLine.BrokenLineException ex) {
                    return broken(records, files, firstTime, lastTime, previous, startsAfterRetention,
                            new Break(file, i + 1, timeOf(line), ex.getMessage()));
                }
                if (previous == null) {
                    startsAfterRetention = !parsed.previousHash().equals(AuditLine.GENESIS);
                    firstTime = parsed.time();
                }
                else if (!parsed.previousHash().equals(previous)) {
                    return broken(records, files, firstTime, lastTime, previous, startsAfterRetention, new Break(file, i + 1,
                            parsed.time(), "it does not follow the record before it: that record was changed, or records "
                                    + "between them were removed or inserted"));
                }
                previous = parsed.hash();
                lastTime = parsed.time();
                records++;
            }
            if (!lines.get(complete).isEmpty()) {
                return broken(records, files, firstTime, lastTime, previous, startsAfterRetention, new Break(file, complete + 1,
                        timeOf(lines.get(complete)), "the file ends inside this record: a write was interrupted or the file was cut"));
            }
        }
        return new Result(records, files.size(), firstTime, lastTime, previous, startsAfterRetention, null);
    }

    private static Result broken(long records, List<Path> files, String firstTime, String lastTime, String previous,
            boolean startsAfterRetention, Break broken) {
        return new Result(records, files.size(), firstTime, lastTime, previous, startsAfterRetention, broken);
    }

    private static String timeOf(String line) {
        Matcher time = TIME.matcher(line);
        return time.find() ? time.group(1) : "unknown";
    }

    /** The file's text; bytes that are not UTF-8 stay in it as replacement characters, and fail their hash. */
    private static String readAll(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read " + file, ex);
        }
    }

}
