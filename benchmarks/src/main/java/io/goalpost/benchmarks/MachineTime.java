package io.goalpost.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where the machine's CPU went between two moments, by kind of process, from Linux's {@code /proc}: the
 * database's backends, the broker, the services, the harness itself and the rest. A limit says what one part
 * can do with the cores to itself; in a pipeline phase every part shares them, and this says which part took
 * what. Elsewhere than Linux there is no {@code /proc}, and nothing is printed.
 */
final class MachineTime {

	/** Clock ticks a second of {@code /proc}'s times (USER_HZ), 100 on Linux's common architectures. */
	private static final double TICKS = 100;

	private static final Path PROC = Path.of("/proc");

	/** PostgreSQL's own processes beside the backends that serve connections, as their command lines name them. */
	private static final List<String> SERVER_PROCESSES = List.of("walwriter", "checkpointer", "background writer",
			"stats collector", "logical replication");

	/** CPU ticks by kind of process, and {@code /proc/stat}'s first line, at one moment. */
	record Snapshot(Map<String, Long> ticks, long[] machine, long nanos) {
	}

	private MachineTime() {
	}

	/** @return null where there is no {@code /proc} */
	static Snapshot take() {
		if (!Files.isReadable(PROC.resolve("stat"))) {
			return null;
		}
		Map<String, Long> ticks = new LinkedHashMap<>();
		long harness = ProcessHandle.current().pid();
		try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, "[0-9]*")) {
			for (Path process : processes) {
				String stat;
				String command;
				try {
					stat = Files.readString(process.resolve("stat"));
					command = new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
				}
				catch (IOException ex) {
					continue; // it exited meanwhile
				}
				String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
				String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
				long own = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
				ticks.merge(kind(Long.parseLong(process.getFileName().toString()) == harness, name, command), own, Long::sum);
				if (postmaster(name, command)) {
					// Backends and autovacuum workers that have exited: their time is added to their parent's.
					ticks.merge("PostgreSQL, exited (autovacuum workers, closed connections)",
							Long.parseLong(fields[13]) + Long.parseLong(fields[14]), Long::sum);
				}
			}
			String[] machine = Files.readAllLines(PROC.resolve("stat")).getFirst().trim().split("\\s+");
			return new Snapshot(ticks, Arrays.stream(machine, 1, machine.length).mapToLong(Long::parseLong).toArray(),
					System.nanoTime());
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	/** How much each of a set of counters grew from one reading to the next; a counter missing before counts from 0. */
	static long[] since(long[] before, long[] after) {
		long[] growth = new long[after.length];
		for (int i = 0; i < growth.length; i++) {
			growth[i] = after[i] - ((i < before.length) ? before[i] : 0);
		}
		return growth;
	}

	private static String kind(boolean harness, String name, String command) {
		if (harness) {
			return "harness";
		}
		if (command.contains("metrics-service")) {
			return "metrics-service";
		}
		if (command.contains("ingest-service")) {
			return "ingest-service";
		}
		if (command.contains(BrokerProcess.class.getName())) {
			return "broker";
		}
		if (postmaster(name, command)) {
			return "PostgreSQL, the rest";
		}
		if (name.equals("postgres")) {
			if (command.contains("autovacuum")) {
				return "PostgreSQL autovacuum";
			}
			return SERVER_PROCESSES.stream().anyMatch(command::contains) ? "PostgreSQL, the rest" : "PostgreSQL backends";
		}
		return "the rest (kernel threads, other processes)";
	}

	/**
	 * The server's first process: its children retitle themselves "postgres: …", it keeps its command line. A child
	 * that has exited and is not yet reaped has no command line at all, and its time is still its own.
	 */
	private static boolean postmaster(String name, String command) {
		return name.equals("postgres") && !command.isEmpty() && !command.startsWith("postgres:");
	}

	/**
	 * Each kind's CPU between the snapshots in µs a figure, largest first, and how busy the machine was.
	 * @return null if either snapshot is missing
	 */
	static String perFigure(Snapshot before, Snapshot after, long figures) {
		if (before == null || after == null || figures <= 0) {
			return null;
		}
		List<Map.Entry<String, Double>> kinds = new ArrayList<>();
		after.ticks().forEach((kind, ticks) -> {
			double micros = (ticks - before.ticks().getOrDefault(kind, 0L)) / TICKS * 1e6 / figures;
			if (micros >= 0.05) {
				kinds.add(Map.entry(kind, micros));
			}
		});
		kinds.sort(Map.Entry.<String, Double>comparingByValue().reversed());
		StringBuilder text = new StringBuilder();
		double total = 0;
		double postgres = 0;
		for (Map.Entry<String, Double> kind : kinds) {
			text.append(String.format(Locale.ROOT, "%s%s %.1f", text.isEmpty() ? "" : ", ", kind.getKey(), kind.getValue()));
			total += kind.getValue();
			postgres += kind.getKey().startsWith("PostgreSQL") ? kind.getValue() : 0;
		}
		long[] d = since(before.machine(), after.machine());
		double all = Arrays.stream(d, 0, Math.min(8, d.length)).sum();
		double seconds = (after.nanos() - before.nanos()) / 1e9;
		// /proc/stat: user nice system idle iowait irq softirq steal
		return String.format(Locale.ROOT, "%s; PostgreSQL's processes %.1f of %.1f µs in all; the machine %.2f of %d cores busy, %.0f%% stolen by the host",
				text, postgres, total, (all - d[3] - d[4]) / TICKS / seconds, Runtime.getRuntime().availableProcessors(),
				(d.length > 7) ? 100 * d[7] / all : 0.0);
	}

}
