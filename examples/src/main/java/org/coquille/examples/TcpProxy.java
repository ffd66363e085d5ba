package org.coquille.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP forwarder on 127.0.0.1 between an application and its database, that can be cut (every connection
 * closed, new ones refused, as when the database's host goes away), made to hang (connections accepted, no byte
 * forwarded, as a database that stopped answering), and restored on the same port. Plain sockets, two threads
 * per connection: for the outage test and its benchmark, not for production.
 */
public final class TcpProxy implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listener;
    private volatile boolean hanging;
    private volatile boolean closed;

    /** Listens on a free port of 127.0.0.1 and forwards to {@code targetHost:targetPort}. */
    public TcpProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.port = listen(0);
    }

    /** The port the application connects to. */
    public int port() {
        return port;
    }

    /** Closes every connection and stops listening: connections are refused until {@link #restore()}. */
    public synchronized void cut() throws IOException {
        ServerSocket current = listener;
        listener = null;
        if (current != null) {
            current.close();
        }
        closeAll();
    }

    /** Keeps accepting connections but forwards nothing, either way, until {@link #restore()}. */
    public synchronized void hang() {
        hanging = true;
    }

    /** Forwards again, listening on the same port if it was cut; connections held while hanging are closed. */
    public synchronized void restore() throws IOException {
        if (hanging) {
            hanging = false;
            closeAll();
        }
        if (listener == null && !closed) {
            listen(port);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        closed = true;
        hanging = false;
        cut();
    }

    private int listen(int onPort) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 64);
        listener = server;
        Thread accepter = new Thread(() -> accept(server), "tcp-proxy-accept");
        accepter.setDaemon(true);
        accepter.start();
        return server.getLocalPort();
    }

    private void accept(ServerSocket server) {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // cut or closed
            }
            open.add(client);
            Thread connector = new Thread(() -> connect(client), "tcp-proxy-connect");
            connector.setDaemon(true);
            connector.start();
        }
    }

    private void connect(Socket client) {
        Socket upstream = new Socket();
        try {
            open.add(upstream);
            upstream.connect(new InetSocketAddress(targetHost, targetPort), 5_000);
            upstream.setTcpNoDelay(true);
            client.setTcpNoDelay(true);
            pump(client, upstream);
            pump(upstream, client);
        } catch (IOException e) {
            quietlyClose(client);
            quietlyClose(upstream);
        }
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    while (hanging && !from.isClosed()) {
                        Thread.sleep(5); // holds the bytes: the other side waits for an answer that does not come
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side went away: close both
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                quietlyClose(from);
                quietlyClose(to);
            }
        }, "tcp-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private void closeAll() {
        for (Socket socket : Set.copyOf(open)) {
            quietlyClose(socket);
        }
    }

    private void quietlyClose(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException e) {
            // already gone
        }
    }
}
