package io.goalpost.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.goalpost.testsupport.ServiceJar;

/** A service under test, started from its jar ({@link ServiceJar}) with a fixed heap, and its JVM's meters. */
final class ServiceProcess implements AutoCloseable {

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final Pattern VALUE = Pattern.compile("\"value\":([0-9.Ee+-]+)");

	private final ServiceJar jar;

	private ServiceProcess(ServiceJar jar) {
		this.jar = jar;
	}

	static ServiceProcess start(String service, String heap, List<String> arguments) throws IOException {
		// A fixed heap, as docs/operations.md recommends: G1 sizes its young generation to the heap it has taken,
		// and with all of it from the start the service's GC threads took half the CPU they took otherwise.
		List<String> options = new ArrayList<>(List.of("-Xms" + heap, "-Xmx" + heap));
		// Extra JVM options for the services under test, a flight recording for example.
		options.addAll(jvmOptionsFrom("GOALPOST_BENCH_JVM_OPTIONS"));
		List<String> serviceArguments = new ArrayList<>(List.of("--management.endpoints.web.exposure.include=health,metrics"));
		serviceArguments.addAll(arguments);
		return new ServiceProcess(ServiceJar.start(Path.of(service), options, serviceArguments, Map.of()));
	}

	/** The JVM options an environment variable holds, separated by white space; none if it is unset. */
	static List<String> jvmOptionsFrom(String variable) {
		String options = System.getenv().getOrDefault(variable, "").strip();
		return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
	}

	int port() {
		return jar.port();
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
			return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port() + path)).timeout(Duration.ofSeconds(5)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

	@Override
	public void close() throws InterruptedException {
		jar.close();
	}

}
