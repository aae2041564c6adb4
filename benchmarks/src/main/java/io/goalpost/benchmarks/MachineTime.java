package io.goalpost.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
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

	static final String EXITED = "PostgreSQL, exited (autovacuum workers, closed connections)";

	/** PostgreSQL's own processes beside the backends that serve connections, as their command lines name them. */
	private static final List<String> SERVER_PROCESSES = List.of("walwriter", "checkpointer", "background writer",
			"stats collector", "logical replication");

	/** One process as {@code /proc} names it: its pid and start time, so that a pid used again is another process. */
	record ProcessId(long pid, long startTicks) {
	}

	/** CPU ticks, in all and of them in the kernel (system time). */
	record Ticks(long all, long kernel) {

		static final Ticks NONE = new Ticks(0, 0);

		Ticks plus(Ticks other) {
			return new Ticks(all + other.all, kernel + other.kernel);
		}

		Ticks minus(Ticks other) {
			return new Ticks(all - other.all, kernel - other.kernel);
		}

		/** From a {@code /proc/<pid>/stat} line's fields: user and system time at {@code at}, {@code at + 1}. */
		static Ticks of(String[] fields, int at) {
			long kernel = Long.parseLong(fields[at + 1]);
			return new Ticks(Long.parseLong(fields[at]) + kernel, kernel);
		}

	}

	/** A process's kind, its own CPU ticks so far, and its parent's pid. */
	record Process(String kind, Ticks ticks, long parent) {
	}

	/**
	 * Every process at one moment, and each PostgreSQL server's reaped children's CPU ticks: a backend or
	 * autovacuum worker that exits takes its time with it into its parent's, the postmaster's, count.
	 */
	record Snapshot(Map<ProcessId, Process> processes, Map<Long, Ticks> reaped, long[] machine, long nanos) {
	}

	private MachineTime() {
	}

	/**
	 * Reads every process between two readings of each postmaster's reaped children. If a child was reaped in
	 * between, it may have been read alive and counted again in its parent's count, so the reading is taken again.
	 * @return null where there is no {@code /proc}
	 */
	static Snapshot take() {
		if (!Files.isReadable(PROC.resolve("stat"))) {
			return null;
		}
		try {
			Map<Long, Ticks> reapedBefore = reaped(scan().reaped().keySet());
			for (int attempt = 1;; attempt++) {
				Snapshot snapshot = scan();
				Map<Long, Ticks> reapedAfter = reaped(snapshot.reaped().keySet());
				// The counts only grow: equal on both sides of the scan, none moved during it.
				if (reapedAfter.equals(reapedBefore) || attempt == 10) {
					return snapshot;
				}
				reapedBefore = reapedAfter;
			}
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	private static Snapshot scan() throws IOException {
		Map<ProcessId, Process> processes = new HashMap<>();
		Map<Long, Ticks> reaped = new HashMap<>();
		long harness = ProcessHandle.current().pid();
		try (DirectoryStream<Path> all = Files.newDirectoryStream(PROC, "[0-9]*")) {
			for (Path process : all) {
				long pid = Long.parseLong(process.getFileName().toString());
				String[] fields;
				String name;
				String command;
				try {
					String stat = Files.readString(process.resolve("stat"));
					command = new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
					name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
					fields = fields(stat);
				}
				catch (IOException ex) {
					continue; // it exited meanwhile
				}
				processes.put(new ProcessId(pid, Long.parseLong(fields[19])), new Process(kind(pid == harness, name, command),
						Ticks.of(fields, 11), Long.parseLong(fields[1])));
				if (postmaster(name, command)) {
					reaped.put(pid, Ticks.of(fields, 13));
				}
			}
		}
		String[] machine = Files.readAllLines(PROC.resolve("stat")).getFirst().trim().split("\\s+");
		return new Snapshot(processes, reaped, Arrays.stream(machine, 1, machine.length).mapToLong(Long::parseLong).toArray(),
				System.nanoTime());
	}

	/** These postmasters' reaped children's CPU ticks now; one that has gone is left out. */
	private static Map<Long, Ticks> reaped(Collection<Long> postmasters) {
		Map<Long, Ticks> reaped = new HashMap<>();
		for (long pid : postmasters) {
			try {
				reaped.put(pid, Ticks.of(fields(Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"))), 13));
			}
			catch (IOException ex) {
				// it has stopped
			}
		}
		return reaped;
	}

	/** A {@code /proc/<pid>/stat} line's fields after the command name, which may hold spaces: the state first. */
	private static String[] fields(String stat) {
		return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
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
	 * Each kind's CPU ticks between the snapshots: a process's growth, or all of its time if it started between
	 * them. A server's children that exited between them count as "exited" with only the time they took after the
	 * first snapshot: their parent's reaped count grew by all of their time, less what the first snapshot had
	 * already seen of those of them alive then.
	 */
	static Map<String, Ticks> ticksByKind(Snapshot before, Snapshot after) {
		Map<String, Ticks> ticks = new LinkedHashMap<>();
		after.processes().forEach((id, process) -> {
			Process earlier = before.processes().get(id);
			ticks.merge(process.kind(), process.ticks().minus((earlier != null) ? earlier.ticks() : Ticks.NONE), Ticks::plus);
		});
		Ticks exited = Ticks.NONE;
		for (Map.Entry<Long, Ticks> server : after.reaped().entrySet()) {
			Ticks reapedBefore = before.reaped().get(server.getKey());
			if (reapedBefore != null) {
				exited = exited.plus(server.getValue().minus(reapedBefore));
			}
		}
		for (Map.Entry<ProcessId, Process> earlier : before.processes().entrySet()) {
			long parent = earlier.getValue().parent();
			if (!after.processes().containsKey(earlier.getKey()) && before.reaped().containsKey(parent)
					&& after.reaped().containsKey(parent)) {
				exited = exited.minus(earlier.getValue().ticks());
			}
		}
		if (!after.reaped().isEmpty()) {
			ticks.merge(EXITED, exited, Ticks::plus);
		}
		return ticks;
	}

	/**
	 * Each kind's CPU between the snapshots in µs a figure, largest first, and how busy the machine was.
	 * @return null if either snapshot is missing
	 */
	static String perFigure(Snapshot before, Snapshot after, long figures) {
		if (before == null || after == null || figures <= 0) {
			return null;
		}
		List<Map.Entry<String, Ticks>> kinds = new ArrayList<>(ticksByKind(before, after).entrySet());
		kinds.removeIf((kind) -> micros(kind.getValue().all(), figures) < 0.05);
		kinds.sort(Map.Entry.<String, Ticks>comparingByValue(Comparator.comparingLong(Ticks::all)).reversed());
		StringBuilder text = new StringBuilder();
		Ticks total = Ticks.NONE;
		Ticks postgres = Ticks.NONE;
		for (Map.Entry<String, Ticks> kind : kinds) {
			text.append(String.format(Locale.ROOT, "%s%s %s", text.isEmpty() ? "" : ", ", kind.getKey(), micros(kind.getValue(), figures)));
			total = total.plus(kind.getValue());
			postgres = kind.getKey().startsWith("PostgreSQL") ? postgres.plus(kind.getValue()) : postgres;
		}
		long[] d = since(before.machine(), after.machine());
		double all = Arrays.stream(d, 0, Math.min(8, d.length)).sum();
		double seconds = (after.nanos() - before.nanos()) / 1e9;
		// /proc/stat: user nice system idle iowait irq softirq steal
		return String.format(Locale.ROOT,
				"%s; PostgreSQL's processes %s of %s µs in all; the machine %.2f of %d cores busy, %.0f%% of its time in interrupts, %.0f%% stolen by the host",
				text, micros(postgres, figures), micros(total, figures), (all - d[3] - d[4]) / TICKS / seconds,
				Runtime.getRuntime().availableProcessors(), 100 * (d[5] + d[6]) / all, (d.length > 7) ? 100 * d[7] / all : 0.0);
	}

	/** "12.3 (4.5 in the kernel)": µs a figure. */
	private static String micros(Ticks ticks, long figures) {
		return String.format(Locale.ROOT, "%.1f (%.1f in the kernel)", micros(ticks.all(), figures), micros(ticks.kernel(), figures));
	}

	private static double micros(long ticks, long figures) {
		return ticks / TICKS * 1e6 / figures;
	}

}
