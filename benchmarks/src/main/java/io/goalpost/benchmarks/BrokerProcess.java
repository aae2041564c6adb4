package io.goalpost.benchmarks;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.goalpost.testsupport.Infrastructure;
import io.goalpost.testsupport.ServiceJar;

/**
 * The broker the harness measures against, in a JVM of its own, as Kafka's start script runs one: the
 * harness's JVM holds a million events and its clients, and its collections, some of them 100 ms and more,
 * would otherwise stop the broker too. The broker is the tests' (Infrastructure's choice: a container where
 * Docker runs, else Kafka's own in the JVM); this class's {@link #main} runs it and writes its address.
 */
final class BrokerProcess {

	/**
	 * Kafka's start script's heap and collector settings ({@code kafka-server-start.sh}, {@code kafka-run-class.sh}),
	 * and native access for lz4-java's library, which the broker loads to check the figures' compressed batches.
	 */
	private static final List<String> JVM_OPTIONS = List.of("-Xms1g", "-Xmx1g", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20",
			"-XX:InitiatingHeapOccupancyPercent=35", "-XX:+ExplicitGCInvokesConcurrent", "--enable-native-access=ALL-UNNAMED");

	private final Process process;

	private final String bootstrapServers;

	private BrokerProcess(Process process, String bootstrapServers) {
		this.process = process;
		this.bootstrapServers = bootstrapServers;
	}

	static BrokerProcess start() throws IOException, InterruptedException {
		Path address = Files.createTempFile("goalpost-broker-", ".address");
		Files.delete(address);
		File log = Files.createTempFile("goalpost-broker-", ".log").toFile();
		List<String> command = new java.util.ArrayList<>(List.of(ServiceJar.java()));
		command.addAll(JVM_OPTIONS);
		// Extra JVM options for the broker, a flight recording for example, as GOALPOST_BENCH_JVM_OPTIONS are the services'.
		command.addAll(ServiceProcess.jvmOptionsFrom("GOALPOST_BENCH_BROKER_JVM_OPTIONS"));
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), BrokerProcess.class.getName(), address.toString()));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		while (!Files.exists(address)) {
			if (!process.isAlive() || System.nanoTime() > deadline) {
				process.destroyForcibly();
				throw new IllegalStateException("The broker did not start; its log is " + log);
			}
			TimeUnit.MILLISECONDS.sleep(100);
		}
		BrokerProcess broker = new BrokerProcess(process, Files.readString(address).strip());
		Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "broker-process-stop"));
		return broker;
	}

	String bootstrapServers() {
		return bootstrapServers;
	}

	private void stop() {
		try {
			ServiceJar.stop(process);
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	/** Runs the broker until the process is stopped; writes its address, once it answers, to the file given. */
	public static void main(String[] args) throws Exception {
		Path address = Path.of(args[0]);
		Path written = Files.writeString(address.resolveSibling(address.getFileName() + ".tmp"),
				Infrastructure.kafka().bootstrapServers(), StandardCharsets.UTF_8);
		// Renamed into place, so the harness never reads half an address.
		Files.move(written, address, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
		Thread.currentThread().join();
	}

}
