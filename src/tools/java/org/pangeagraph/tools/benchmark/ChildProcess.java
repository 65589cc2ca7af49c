package org.pangeagraph.tools.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A process the benchmark starts (the application, the import command, the offline importer, Node),
 * its output kept with the time each line arrived, so that phases can be timed from what it prints. The
 * application and the import command may run in this JVM instead ({@link #inThisJvm}).
 */
final class ChildProcess implements AutoCloseable {

    /** A line of output and when it arrived, in nanoseconds of {@link System#nanoTime()}. */
    record Line(long nanos, String text) {
    }

    private final Process process;

    private final long started;

    private final List<Line> lines = java.util.Collections.synchronizedList(new ArrayList<>());

    private ChildProcess(Process process, long started) {
        this.process = process;
        this.started = started;
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    this.lines.add(new Line(System.nanoTime(), line));
                }
            }
            catch (IOException ex) {
                // the process ended
            }
        }, "output-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    static ChildProcess start(List<String> command, Path directory, Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        return new ChildProcess(builder.start(), started);
    }

    /** A command of the product run in this JVM instead ({@link ThreadProcess}), its output kept the same way. */
    static ChildProcess inThisJvm(String name, ThreadProcess.Command command) {
        long started = System.nanoTime();
        return new ChildProcess(new ThreadProcess(name, command), started);
    }

    /** {@code java} with the JVM options, running {@code arguments}. */
    static List<String> java(List<String> jvmOptions, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(arguments);
        return command;
    }

    /** Waits for the end; returns the exit status, or throws if it takes longer than {@code minutes}. */
    int await(long minutes) throws InterruptedException {
        if (!this.process.waitFor(minutes, TimeUnit.MINUTES)) {
            this.process.destroyForcibly();
            throw new IllegalStateException("did not finish within " + minutes + " minutes:\n" + tail(30));
        }
        Thread.sleep(100);
        return this.process.exitValue();
    }

    double secondsSinceStart(long nanos) {
        return (nanos - this.started) / 1e9;
    }

    double elapsedSeconds() {
        return (System.nanoTime() - this.started) / 1e9;
    }

    List<Line> lines() {
        synchronized (this.lines) {
            return List.copyOf(this.lines);
        }
    }

    String tail(int n) {
        List<Line> all = lines();
        return String.join("\n", all.subList(Math.max(0, all.size() - n), all.size()).stream().map(Line::text).toList());
    }

    long pid() {
        return this.process.pid();
    }

    boolean alive() {
        return this.process.isAlive();
    }

    /** Stops it as an operator would (SIGTERM: graceful shutdown), forcibly after 60 s. */
    @Override
    public void close() throws InterruptedException {
        if (this.process.isAlive()) {
            this.process.destroy();
            if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
                this.process.destroyForcibly().waitFor();
            }
        }
    }

}
