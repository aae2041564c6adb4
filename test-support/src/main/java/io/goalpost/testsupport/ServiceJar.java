package io.goalpost.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A Goalpost service started from its executable jar in a JVM of its own, on a port of its own: its heap and CPU are
 * its own, and it can be killed outright. The system tests and the benchmark harness start services so.
 */
public final class ServiceJar implements AutoCloseable {

	private static final Duration READY_WITHIN = Duration.ofMinutes(2);

	private final Process process;

	private final int port;

	private ServiceJar(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	/**
	 * Starts the service and returns once it answers ready ({@code /actuator/health/readiness}).
	 * @param module the service's module folder, whose {@code target} holds the jar
	 * @param jvmOptions given to the JVM, before {@code -jar}
	 * @param arguments given to the service, after the port
	 * @param environment added to this process's environment
	 */
	public static ServiceJar start(Path module, List<String> jvmOptions, List<String> arguments,
			Map<String, String> environment) throws IOException {
		String name = module.getFileName().toString();
		Path jar;
		try (var files = Files.list(module.resolve("target"))) {
			jar = files.filter((f) -> f.getFileName().toString().endsWith("-exec.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException(name + "'s executable jar is missing: build it with ./mvnw package"));
		}
		int port;
		try (ServerSocket free = new ServerSocket(0)) {
			port = free.getLocalPort();
		}
		List<String> command = new ArrayList<>(List.of(java()));
		command.addAll(jvmOptions);
		command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port));
		command.addAll(arguments);
		Path log = Files.createTempFile(name + "-", ".log");
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().putAll(environment);
		ServiceJar started = new ServiceJar(builder.start(), port);
		ServiceClient client = ServiceClient.onPort(port);
		try {
			Awaitility.await()
				.atMost(READY_WITHIN)
				.pollInterval(Duration.ofMillis(250))
				.ignoreExceptions()
				.until(() -> !started.process.isAlive() || client.get("/actuator/health/readiness").statusCode() == 200);
		}
		catch (ConditionTimeoutException ex) {
			started.process.destroyForcibly();
			throw new IllegalStateException(name + " did not become ready within " + READY_WITHIN + "; its log is " + log, ex);
		}
		if (!started.process.isAlive()) {
			throw new IllegalStateException(name + " exited before it was ready; its log is " + log);
		}
		return started;
	}

	public Process process() {
		return process;
	}

	public int port() {
		return port;
	}

	/** Kills the service outright, as SIGKILL does, and waits for it to exit. */
	public void kill() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor(30, TimeUnit.SECONDS);
	}

	/** Stops the service as SIGTERM does, and kills it if it has not stopped within 30 s. */
	@Override
	public void close() throws InterruptedException {
		stop(process);
	}

	/** The java command of this JVM, for the JVMs started beside it. */
	public static String java() {
		return ProcessHandle.current().info().command().orElse("java");
	}

	/** Asks a JVM to stop, as SIGTERM does, and kills it if it has not within 30 s. */
	public static void stop(Process process) throws InterruptedException {
		process.destroy();
		if (!process.waitFor(30, TimeUnit.SECONDS)) {
			process.destroyForcibly();
		}
	}

}
