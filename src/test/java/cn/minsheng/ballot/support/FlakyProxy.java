package cn.minsheng.ballot.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay between a browser and the service whose network can be cut. While cut, requests still
 * reach the service, but the first byte of any answer closes the connection on both sides: the
 * service has acted and the client never hears of it, the case a retry must not turn into a second
 * vote. Down drops everything, requests included. Restoring lets connections through again.
 */
public final class FlakyProxy implements AutoCloseable {

    private final ServerSocket server;
    private final int target;
    private final AtomicBoolean cut = new AtomicBoolean();
    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicInteger answersSwallowed = new AtomicInteger();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

    public FlakyProxy(int targetPort) throws IOException {
        this.target = targetPort;
        this.server = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "flaky-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public void cut() {
        cut.set(true);
    }

    /** A full outage: every open connection drops and new ones are closed at once. */
    public void down() {
        down.set(true);
        sockets.forEach(this::closeQuietly);
    }

    public void restore() {
        cut.set(false);
        down.set(false);
    }

    /** How many answers the cut has swallowed so far. */
    public int answersSwallowed() {
        return answersSwallowed.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (down.get()) {
                    client.close();
                    continue;
                }
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                sockets.add(client);
                sockets.add(upstream);
                pump(client, upstream, false);
                pump(upstream, client, true);
            } catch (IOException e) {
                // closed, or the service refused: the client sees its connection fail
            }
        }
    }

    private void pump(Socket from, Socket to, boolean answers) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) >= 0;) {
                    if (down.get()) {
                        break;
                    }
                    if (answers && cut.get()) {
                        answersSwallowed.incrementAndGet();
                        break;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side went away
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, answers ? "proxy-answers" : "proxy-requests");
        t.setDaemon(true);
        t.start();
    }

    private void closeQuietly(Socket s) {
        sockets.remove(s);
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        sockets.forEach(this::closeQuietly);
    }
}
