package org.pangeagraph.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * A TCP proxy on a loopback port in front of a database's Bolt port, which can cut every connection
 * through it and, until restored, refuse new ones by closing them as they come: what a network
 * failure between the application and its database looks like to the driver. It can also cut at the
 * moment a client has sent COMMIT and before the database's answer reaches it, the one moment at
 * which a client cannot know whether its transaction was applied.
 */
final class CuttableProxy implements AutoCloseable {

    /** A Bolt COMMIT message alone in its chunk: size 2, an empty structure with signature 0x12, end of message. */
    private static final byte[] COMMIT = { 0x00, 0x02, (byte) 0xB0, 0x12, 0x00, 0x00 };

    private final ServerSocket server;

    private final InetSocketAddress target;

    private final Set<Socket> open = new HashSet<>();

    private boolean refusing;

    private volatile Boolean refuseAfterCommitCut;

    private volatile byte[] commitMarker;

    CuttableProxy(String host, int port) throws IOException {
        this.target = new InetSocketAddress(host, port);
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon(this::accept, "proxy-accept").start();
    }

    int port() {
        return this.server.getLocalPort();
    }

    /** Closes every connection through the proxy; new ones are closed as they come until {@link #restore()}. */
    synchronized void cut() {
        this.refusing = true;
        this.open.forEach(CuttableProxy::closeQuietly);
        this.open.clear();
    }

    /**
     * Lets the next COMMIT of a connection that has sent {@code marker} (a statement of the writer a drill
     * watches) through to the database, withholds the answer and cuts every connection; new ones are then
     * refused until {@link #restore()} if {@code refuseAfter}, else served again. The commits of other
     * connections pass: the application's own work in the background (the change feed's reconciliation
     * records each write of the application shortly after it commits) writes meanwhile.
     */
    void cutAtNextCommit(String marker, boolean refuseAfter) {
        this.commitMarker = marker.getBytes(StandardCharsets.UTF_8);
        this.refuseAfterCommitCut = refuseAfter;
    }

    synchronized void restore() {
        this.refusing = false;
        this.refuseAfterCommitCut = null;
        this.commitMarker = null;
    }

    @Override
    public void close() throws IOException {
        this.server.close();
        cut();
    }

    private void accept() {
        while (!this.server.isClosed()) {
            try {
                Socket client = this.server.accept();
                Socket database = new Socket();
                database.connect(this.target, 5_000);
                if (connect(client, database)) {
                    Link link = new Link();
                    pipe(client, database, link, true);
                    pipe(database, client, link, false);
                }
            }
            catch (IOException ex) {
                // The server socket closed, or the database refused: the client sees its connection closed.
            }
        }
    }

    private synchronized boolean connect(Socket client, Socket database) throws IOException {
        if (this.refusing) {
            closeQuietly(client);
            closeQuietly(database);
            return false;
        }
        client.setTcpNoDelay(true);
        database.setTcpNoDelay(true);
        this.open.add(client);
        this.open.add(database);
        return true;
    }

    /** One client's connection; severed once its COMMIT has gone through, so that no answer comes back. */
    private static final class Link {

        volatile boolean severed;

        /** Whether it has sent the marker of the writer whose commit is to be cut. */
        volatile boolean marked;

    }

    private void pipe(Socket from, Socket to, Link link, boolean towardsDatabase) {
        daemon(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                byte[] buffer = new byte[8192];
                for (int n = in.read(buffer); n >= 0 && !link.severed; n = in.read(buffer)) {
                    Boolean refuseAfter = this.refuseAfterCommitCut;
                    byte[] marker = this.commitMarker;
                    if (towardsDatabase && marker != null && !link.marked && contains(buffer, n, marker)) {
                        link.marked = true;
                    }
                    boolean commit = towardsDatabase && refuseAfter != null && link.marked && contains(buffer, n, COMMIT);
                    if (commit) {
                        link.severed = true;
                    }
                    out.write(buffer, 0, n);
                    if (commit) {
                        out.flush();
                        cutAfterCommit(refuseAfter);
                    }
                }
            }
            catch (IOException ex) {
                // Cut, or closed by one side: close the other side too, below.
            }
            finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "proxy-pipe").start();
    }

    private synchronized void cutAfterCommit(boolean refuseAfter) {
        this.refuseAfterCommitCut = null;
        this.commitMarker = null;
        cut();
        this.refusing = refuseAfter;
    }

    private static boolean contains(byte[] buffer, int length, byte[] pattern) {
        for (int i = 0; i + pattern.length <= length; i++) {
            int j = 0;
            while (j < pattern.length && buffer[i + j] == pattern[j]) {
                j++;
            }
            if (j == pattern.length) {
                return true;
            }
        }
        return false;
    }

    private static Thread daemon(Runnable work, String name) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        }
        catch (IOException ex) {
            // Closing is all that was asked.
        }
    }

}
