package io.goalpost.testsupport;

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
 * A TCP forwarder on localhost that a test can cut and restore, to take a real server away from a client
 * mid-conversation (every open connection dropped, new ones refused) and give it back on the same port.
 */
public final class TcpProxy implements AutoCloseable {

	private final String targetHost;

	private final int targetPort;

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	private volatile ServerSocket server;

	private int port;

	private TcpProxy(String targetHost, int targetPort) throws IOException {
		this.targetHost = targetHost;
		this.targetPort = targetPort;
		listen(0);
	}

	public static TcpProxy to(String host, int port) {
		try {
			return new TcpProxy(host, port);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start a proxy to " + host + ":" + port, ex);
		}
	}

	public int port() {
		return port;
	}

	/** Drops every connection and refuses new ones until {@link #restore()}. */
	public synchronized void cut() {
		closeQuietly(server);
		open.forEach(TcpProxy::closeQuietly);
		open.clear();
	}

	/** Accepts connections again, on the same port. */
	public synchronized void restore() {
		try {
			listen(port);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not listen on port " + port + " again", ex);
		}
	}

	private void listen(int onPort) throws IOException {
		ServerSocket socket = new ServerSocket();
		socket.setReuseAddress(true);
		socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort));
		this.server = socket;
		this.port = socket.getLocalPort();
		Thread.ofVirtual().name("tcp-proxy-accept-" + port).start(() -> accept(socket));
	}

	private void accept(ServerSocket socket) {
		while (!socket.isClosed()) {
			try {
				Socket client = socket.accept();
				Socket target = new Socket(targetHost, targetPort);
				open.add(client);
				open.add(target);
				Thread.ofVirtual().start(() -> pump(client, target));
				Thread.ofVirtual().start(() -> pump(target, client));
			}
			catch (IOException ex) {
				// The server socket was closed by cut(), or the target refused: the client sees a drop.
			}
		}
	}

	private void pump(Socket from, Socket to) {
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			in.transferTo(out);
		}
		catch (IOException ex) {
			// One side went away; the other is closed below.
		}
		finally {
			closeQuietly(from);
			closeQuietly(to);
			open.remove(from);
			open.remove(to);
		}
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			if (closeable != null) {
				closeable.close();
			}
		}
		catch (Exception ex) {
			// Closing is all we wanted.
		}
	}

	@Override
	public void close() {
		cut();
	}

}
