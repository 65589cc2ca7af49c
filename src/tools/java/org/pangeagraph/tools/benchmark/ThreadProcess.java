package org.pangeagraph.tools.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A command of the product run in this JVM, on a thread of its own, seen as a process: its output is
 * what it prints, its exit status what it returns, and destroying it interrupts its thread (a command
 * that serves until stopped, such as the application, takes the interrupt as an operator's SIGTERM).
 * The benchmark's smoke test runs the product so, instead of starting a JVM for each command.
 */
final class ThreadProcess extends Process {

    /** A command: prints to {@code out}, returns its exit status. */
    @FunctionalInterface
    interface Command {

        int run(PrintStream out) throws Exception;

    }

    private final PipedInputStream output = new PipedInputStream(64 * 1024);

    private final CompletableFuture<Integer> exit = new CompletableFuture<>();

    private final Thread thread;

    ThreadProcess(String name, Command command) {
        PrintStream out;
        try {
            out = new PrintStream(new PipedOutputStream(this.output), true, StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        this.thread = new Thread(() -> {
            int status = 1;
            try (out) {
                status = command.run(out);
            }
            catch (Exception | Error ex) {
                ex.printStackTrace(out);
            }
            finally {
                this.exit.complete(status);
            }
        }, name);
        this.thread.start();
    }

    @Override
    public OutputStream getOutputStream() {
        return OutputStream.nullOutputStream();
    }

    @Override
    public InputStream getInputStream() {
        return this.output;
    }

    @Override
    public InputStream getErrorStream() {
        return InputStream.nullInputStream();
    }

    @Override
    public int waitFor() throws InterruptedException {
        try {
            return this.exit.get();
        }
        catch (ExecutionException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public boolean waitFor(long timeout, TimeUnit unit) throws InterruptedException {
        try {
            this.exit.get(timeout, unit);
            return true;
        }
        catch (TimeoutException ex) {
            return false;
        }
        catch (ExecutionException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public int exitValue() {
        Integer status = this.exit.getNow(null);
        if (status == null) {
            throw new IllegalThreadStateException("still running");
        }
        return status;
    }

    @Override
    public boolean isAlive() {
        return !this.exit.isDone();
    }

    @Override
    public void destroy() {
        this.thread.interrupt();
    }

    /** This JVM's: tools that look at a process (jcmd) look at this one. */
    @Override
    public long pid() {
        return ProcessHandle.current().pid();
    }

}
