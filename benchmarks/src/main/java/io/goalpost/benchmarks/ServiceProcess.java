package io.goalpost.benchmarks;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A service started from its executable jar in a JVM of its own, so its heap and CPU are its own. */
final class ServiceProcess implements AutoCloseable {

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final Pattern VALUE = Pattern.compile("\"value\":([0-9.Ee+-]+)");

	private final Process process;

	private final int port;

	private ServiceProcess(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	static ServiceProcess start(String service, String heap, List<String> arguments) throws IOException, InterruptedException {
		Path jar;
		try (var files = Files.list(Path.of(service, "target"))) {
			jar = files.filter((f) -> f.getFileName().toString().endsWith("-exec.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException(service + "'s executable jar is missing: ./mvnw package"));
		}
		int port;
		try (ServerSocket free = new ServerSocket(0)) {
			port = free.getLocalPort();
		}
		// A fixed heap, as docs/operations.md recommends: G1 sizes its young generation to the heap it has taken,
		// and with all of it from the start the service's GC threads took half the CPU they took otherwise.
		List<String> command = new ArrayList<>(List.of(java(), "-Xms" + heap, "-Xmx" + heap));
		// Extra JVM options for the services under test, a flight recording for example.
		String options = System.getenv().getOrDefault("GOALPOST_BENCH_JVM_OPTIONS", "").strip();
		if (!options.isEmpty()) {
			command.addAll(List.of(options.split("\\s+")));
		}
		command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port,
				"--management.endpoints.web.exposure.include=health,metrics"));
		command.addAll(arguments);
		File log = Files.createTempFile(service + "-", ".log").toFile();
		ServiceProcess started = new ServiceProcess(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start(), port);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		while (!started.ready()) {
			if (!started.process.isAlive() || System.nanoTime() > deadline) {
				throw new IllegalStateException(service + " did not become ready; its log is " + log);
			}
			TimeUnit.MILLISECONDS.sleep(250);
		}
		return started;
	}

	int port() {
		return port;
	}

	private boolean ready() {
		try {
			return get("/actuator/health/readiness").statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Heap in use (MiB) and CPU use (0 to the number of cores) of the service process: two meters, not the
	 * whole Prometheus page, whose rendering would be a share of the load measured.
	 */
	Usage usage() throws IOException {
		return new Usage(value(get("/actuator/metrics/jvm.memory.used?tag=area:heap").body()) / (1024 * 1024),
				value(get("/actuator/metrics/process.cpu.usage").body()) * Runtime.getRuntime().availableProcessors());
	}

	record Usage(double heapMib, double cpuCores) {
	}

	/** Seconds the service's JIT compilers have spent compiling since it started (the JVM's compilation bean). */
	double compilationSeconds() throws IOException {
		return value(get("/actuator/metrics/jvm.compilation.time").body()) / 1000;
	}

	/**
	 * The share of the time since {@code startNanos} ({@link System#nanoTime}) that the JIT compilers were busy, given
	 * {@link #compilationSeconds} as read then: more than 1 when several compiler threads worked at once.
	 */
	double compilingShareSince(double compiledThen, long startNanos) throws IOException {
		return (compilationSeconds() - compiledThen) / ((System.nanoTime() - startNanos) / 1e9);
	}

	/** The first measurement's value in a meter of {@code /actuator/metrics}. */
	private static double value(String meter) {
		Matcher m = VALUE.matcher(meter);
		if (!m.find()) {
			throw new IllegalStateException("No value in " + meter);
		}
		return Double.parseDouble(m.group(1));
	}

	private HttpResponse<String> get(String path) throws IOException {
		try {
			return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(5)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

	@Override
	public void close() throws InterruptedException {
		stop(process);
	}

	/** The java command of this JVM, for the JVMs the harness starts beside it. */
	static String java() {
		return ProcessHandle.current().info().command().orElse("java");
	}

	/** Asks a JVM the harness started to stop, as SIGTERM does, and kills it if it has not within 30 s. */
	static void stop(Process process) throws InterruptedException {
		process.destroy();
		if (!process.waitFor(30, TimeUnit.SECONDS)) {
			process.destroyForcibly();
		}
	}

}
