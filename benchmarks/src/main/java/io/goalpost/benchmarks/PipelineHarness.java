package io.goalpost.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import io.goalpost.contract.EventCodec;
import io.goalpost.contract.EventTypes;
import io.goalpost.contract.FigureReported;
import io.goalpost.metrics.ConsumerProperties;
import io.goalpost.support.CloudEventRecords;
import io.goalpost.testsupport.Infrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The end-to-end benchmark: a real broker and PostgreSQL, metrics-service and ingest-service as processes
 * of their own, a workload of figures over many series, and in the same run the machine's own limits on
 * that broker and database. Prints one table.
 * <p>
 * {@code ./goalpost bench-pipeline} with the options of {@link #USAGE}; metrics-args passes settings to
 * metrics-service.
 */
public final class PipelineHarness {

	private static final String METRICS_GROUP = "goalpost-bench-metrics";

	/** The Kafka limit is warm once a pass is less than this much faster than the best before it. */
	private static final double STILL_WARMING = 0.05;

	private static final int KAFKA_PASSES = 8;

	/**
	 * The warm-up ends after two rounds in a row in each of which the service's JIT compilers were busy less than
	 * this share of it: after one such round the next was often busy a fifth of its time again.
	 */
	private static final double QUIET_COMPILERS = 0.05;

	private static final String USAGE = """
			usage: ./goalpost bench-pipeline [--figures 1000000] [--phases 3] [--series 10000] [--warmup 100000]
			    [--warmup-rounds 20] [--alert-share 0.1] [--rates 1000,10000] [--seconds 10] [--settle 120] [--plot benchmarks/target/pipeline.svg]
			    [--metrics-args "--goalpost.consumer.concurrency=3 …"] [--http-figures 200000] [--http-clients 8]
			    [--compression lz4]""";

	private static final java.util.Set<String> OPTIONS = java.util.Set.of("figures", "phases", "series", "warmup", "warmup-rounds",
			"alert-share", "rates", "seconds", "settle", "plot", "metrics-args", "http-figures", "http-clients", "compression");

	/** Of a stored figure: milliseconds from its publish to the commit of the transaction that stored it. */
	private static final String STATE_MILLIS = "extract(epoch FROM pg_xact_commit_timestamp(xmin) - reported_at) * 1000";

	// Threads of its own for the harness's long-running clients: on two cores the common pool has one worker,
	// and tasks that run side by side for a whole limit (the PostgreSQL limit's connections) would run one after another.
	private static final java.util.concurrent.ExecutorService BACKGROUND = java.util.concurrent.Executors
		.newCachedThreadPool(Thread.ofPlatform().name("bench-", 0).daemon().factory());

	private final int figures;

	private static org.apache.kafka.clients.admin.Admin admin;

	/** Started at the first use, stopped when the harness exits. */
	private static BrokerProcess broker;

	/** Figures a warm-up round. */
	private final int warmup;

	/** At most this many warm-up rounds, however busy the JIT compilers still are. */
	private final int warmupRounds;

	/** The figures of the first throughput phase; {@link #warming}'s come first, untimed. */
	private final Workload workload;

	/**
	 * Throughput phases, each of {@link #figures} new figures and between two PostgreSQL limits: one phase's ratio to
	 * its limits scatters with a standard deviation of about 0.02 from run to run on this VM, mostly with the limits'
	 * drift (docs/benchmarks.md, "Runs 355–370"); the run's figure is the median phase's.
	 */
	private final int phases;

	private final Workload warming;

	private final List<Integer> rates;

	private final int seconds;

	/** Seconds at the first rate before its timed window: for the JIT compilers and the throughput phase's wake. */
	private final int settle;

	private final List<String[]> rows = new ArrayList<>();

	private final List<LatencyPlot.Point> points = new ArrayList<>();

	private final Path plot;

	private final List<String> serviceArguments;

	private final ExpectedState expected = new ExpectedState();

	private final int httpFigures;

	private final int httpClients;

	/**
	 * How the harness's producer compresses its batches, in every phase and in Kafka's limit: as ingest-service's
	 * does (lz4, ingest.yml), since it stands in for ingest.
	 */
	private final String compression;

	private PipelineHarness(int figures, int phases, int warmup, int warmupRounds, int series, double alertShare, List<Integer> rates,
			int seconds, int settle, Path plot, List<String> serviceArguments, int httpFigures, int httpClients,
			String compression) {
		this.httpFigures = httpFigures;
		this.httpClients = httpClients;
		this.compression = org.apache.kafka.common.record.CompressionType.forName(compression).name;
		this.plot = plot;
		this.serviceArguments = serviceArguments;
		this.figures = figures;
		if (phases < 1 || warmup < 1 || warmupRounds < 1) {
			throw new IllegalArgumentException("--phases, --warmup and --warmup-rounds must be at least 1");
		}
		this.phases = phases;
		this.warmup = warmup;
		this.warmupRounds = warmupRounds;
		this.warming = new Workload(series, alertShare);
		// Later than every warm-up round's, so that its figures supersede theirs.
		Workload timed = warming;
		for (int r = 0; r < warmupRounds; r++) {
			timed = timed.next(series);
		}
		this.workload = timed;
		this.rates = rates;
		this.seconds = seconds;
		this.settle = settle;
	}

	public static void main(String[] args) throws Exception {
		PipelineHarness harness;
		try {
			harness = harness(options(args));
		}
		catch (IllegalArgumentException ex) {
			System.err.println("bench-pipeline: " + ex.getMessage());
			System.err.println(USAGE);
			System.exit(2);
			return;
		}
		try {
			harness.run();
		}
		finally {
			// Before the shutdown hooks stop the broker: an open client would log its lost connection.
			closeAdmin();
		}
		System.exit(0);
	}

	private static PipelineHarness harness(Map<String, String> options) {
		int figures = Integer.parseInt(options.getOrDefault("figures", "1000000"));
		return new PipelineHarness(figures, Integer.parseInt(options.getOrDefault("phases", "3")),
				Integer.parseInt(options.getOrDefault("warmup", Integer.toString(Math.min(figures / 5, 100_000)))),
				Integer.parseInt(options.getOrDefault("warmup-rounds", "20")),
				Integer.parseInt(options.getOrDefault("series", "10000")),
				Double.parseDouble(options.getOrDefault("alert-share", "0.1")),
				List.of(options.getOrDefault("rates", "1000,10000").split(",")).stream().map(Integer::parseInt).toList(),
				Integer.parseInt(options.getOrDefault("seconds", "10")), Integer.parseInt(options.getOrDefault("settle", "120")),
				Path.of(options.getOrDefault("plot", "benchmarks/target/pipeline.svg")),
				List.of(options.getOrDefault("metrics-args", "").split("\\s+")).stream().filter((a) -> !a.isBlank()).toList(),
				Integer.parseInt(options.getOrDefault("http-figures", "200000")),
				Integer.parseInt(options.getOrDefault("http-clients", "8")), options.getOrDefault("compression", "lz4"));
	}

	private void run() throws Exception {
		say(("Goalpost pipeline benchmark: %,d figures over %,d series after rounds of %,d to warm up (at most %d), %s%% of"
				+ " actuals changing an alert, figures sent in batches compressed by %s, %s, %d cores").formatted(figures,
						workload.series(), warmup, warmupRounds,
						// 0.1% as such, not rounded to 0%
						java.math.BigDecimal.valueOf(Math.round(1e5 * workload.alertShare()) / 1e3).stripTrailingZeros().toPlainString(),
						compression, LocalDate.now(), Runtime.getRuntime().availableProcessors()));
		say("Broker at %s, in a JVM of its own".formatted(bootstrap()));
		List<Encoded> warmupEvents = encode(warming, warmup);
		List<Encoded> events = encode(workload, figures);
		double kafkaBefore = kafkaLimit(events, "before the service starts");
		double postgresBeforeService = postgresLimit("before the service starts");
		double goalpost;
		double lowerLimit;
		double ceiling;
		// One service for the throughput and the latency phases: the latency is that of a service the
		// throughput phase has warmed up (a fresh JVM spends most of a core on its JIT compiler at first).
		Infrastructure.Database database = Infrastructure.postgres().newDatabase();
		String topic = freshTopics();
		String alerts = alertsTopic(topic);
		try (AlertReader alertReader = new AlertReader(bootstrap(), alerts); ServiceProcess metrics = metrics(database, topic)) {
			long stored = warmUp(metrics, topic, warmupEvents);
			warmupEvents = null;
			// The relay publishes every change as ever; the harness reads them after the limits below, not on the cores
			// the phases and the limits are timed on.
			alertReader.pause();
			List<Phase> measured = new ArrayList<>();
			Workload timed = workload;
			double postgresBefore = postgresBeforeService;
			for (int p = 1; p <= phases; p++) {
				if (p > 1) {
					timed = timed.next(timed.series());
					events = encode(timed, figures);
				}
				expect(timed, figures);
				String name = (phases == 1) ? "the throughput phase" : "throughput phase %d of %d".formatted(p, phases);
				Throughput throughput = endToEnd(metrics, database, topic, events, stored, name);
				stored += events.size();
				double postgresAfter = postgresLimit("after " + name);
				measured.add(new Phase(name, throughput, limitAround(name, postgresBefore, postgresAfter)));
				postgresBefore = postgresAfter;
			}
			double kafka = kafkaWarm(kafkaBefore, kafkaLimit(events, "after the last throughput phase"));
			// Dropped before the phases timed next: left reachable, the run's records (about 550 MB in a 400,000-figure
			// run) kept this JVM's collector marking concurrently beside them, on the cores they are timed on (run 130).
			events = null;
			measured.forEach((m) -> row("Goalpost end to end in " + m.name(), m.throughput().rate(), String.format(Locale.ROOT,
					"%.3f of the lower limit (%,.0f/s); %s", m.ratio(kafka), m.lowerLimit(kafka), m.throughput().detail())));
			Phase median = Phase.median(measured, kafka);
			goalpost = median.throughput().rate();
			lowerLimit = median.lowerLimit(kafka);
			ceiling = ceiling(kafka, median.postgres(), lowerLimit);
			long caughtUpFrom = System.nanoTime();
			long behind = alertReader.catchUp(() -> published(alerts), Duration.ofMinutes(5));
			say("  the harness's alert reader, paused since the first phase began, read %,d alert changes in %.1f s to catch up"
				.formatted(behind, seconds(caughtUpFrom)));
			row("Goalpost end to end (publish → state)", goalpost, String.format(Locale.ROOT,
					"%.3f of limit, %.2f of the ceiling: %s, the median of %d (%s); %s", goalpost / lowerLimit, goalpost / ceiling,
					median.name(), phases, measured.stream().map((m) -> String.format(Locale.ROOT, "%.3f", m.ratio(kafka)))
						.collect(java.util.stream.Collectors.joining(", ")), median.throughput().detail()));
			Workload phase = timed;
			if (settle > 0) {
				long total = (long) rates.getFirst() * settle;
				phase = phase.next(latencySeries(total));
				say("  %,d s at %,d/s, untimed, to settle".formatted(settle, rates.getFirst()));
				try (KafkaProducer<String, byte[]> producer = producer()) {
					pace(producer, topic, phase, rates.getFirst(), total);
				}
				stored += total;
				long settled = stored;
				waitUntil(Duration.ofMinutes(10), () -> committed(topic) >= settled);
			}
			for (int rate : rates) {
				long total = (long) rate * seconds;
				phase = phase.next(latencySeries(total));
				latency(metrics, database, topic, phase, rate, total, stored, alertReader.received());
				stored += total;
			}
			checkState(database, alertReader.received());
		}
		httpIngest();
		print();
		LatencyPlot.write(plot, points, goalpost, "Goalpost, %,d figures over %,d series, %s, %d cores".formatted(figures,
				workload.series(), LocalDate.now(), Runtime.getRuntime().availableProcessors()));
		say("Plot: " + plot);
		say(String.format(Locale.ROOT, "Goalpost end to end: %.0f figures/s = %.3f of the lower machine limit (%.0f/s), %.3f of"
				+ " the ceiling for a service that cost nothing (%.0f/s); the median of %d throughput phases", goalpost,
				goalpost / lowerLimit, lowerLimit, goalpost / ceiling, ceiling, phases));
	}

	/**
	 * The most any service could do end to end here: each limit is measured with the machine to itself, and
	 * every figure needs the work of both, on the same cores. One figure takes 1/kafka of the machine's time
	 * on the broker and its clients and 1/postgres on the database, so a service that cost nothing would
	 * reach 1 / (1/kafka + 1/postgres); what it costs itself comes on top.
	 */
	private double ceiling(double kafka, double postgres, double lowerLimit) {
		double ceiling = 1 / (1 / kafka + 1 / postgres);
		row("ceiling: a service that cost nothing (derived)", ceiling, String.format(Locale.ROOT,
				"1 / (1/Kafka + 1/PostgreSQL): both limits' work on the same cores; %.2f of the lower limit",
				ceiling / lowerLimit));
		return ceiling;
	}

	/**
	 * Kafka's raw rate for the same records, warm: passes until one is less than {@link #STILL_WARMING} faster than
	 * the best before it, at most {@link #KAFKA_PASSES}; the best is the limit. The broker and the clients compile
	 * as the service does: in one run six passes in a row went 84,364, 108,357, 143,524, 154,790, 171,376 and
	 * 174,744/s.
	 */
	private double kafkaLimit(List<Encoded> events, String when) throws Exception {
		double best = 0;
		String bestMachineTime = null;
		int pass = 1;
		for (;; pass++) {
			MachineTime.Snapshot machineBefore = MachineTime.take();
			double rate = kafkaPass(events);
			String machineTime = MachineTime.perFigure(machineBefore, MachineTime.take(), events.size());
			say("  Kafka pass %d: %,.0f records/s".formatted(pass, rate));
			boolean warm = rate < best * (1 + STILL_WARMING);
			if (rate > best) {
				best = rate;
				bestMachineTime = machineTime;
			}
			if (warm || pass == KAFKA_PASSES) {
				break;
			}
		}
		row("Kafka produce+consume, plain clients (limit)", best, "the best of %d passes of %,d records, %s".formatted(pass,
				events.size(), when));
		// Beside the phase's, what the broker costs a record when it does nothing but carry the figures.
		sayMachineTime("    ", "its best pass", bestMachineTime);
		return best;
	}

	/** One pass: the records produced and consumed by plain clients, first send to last receipt. */
	private double kafkaPass(List<Encoded> events) throws Exception {
		String topic = "bench-raw-" + UUID.randomUUID();
		Infrastructure.createTopics(bootstrap(), 6, topic);
		AtomicLong consumed = new AtomicLong();
		long start = System.nanoTime();
		CompletableFuture<Void> consumer = CompletableFuture.runAsync(() -> {
			try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
					bootstrap(), ConsumerConfig.GROUP_ID_CONFIG, topic, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
					ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000), new StringDeserializer(), new ByteArrayDeserializer())) {
				c.subscribe(List.of(topic));
				while (consumed.get() < events.size()) {
					consumed.addAndGet(c.poll(Duration.ofMillis(100)).count());
				}
			}
		}, BACKGROUND);
		produce(topic, events);
		consumer.get(30, TimeUnit.MINUTES);
		double rate = events.size() / seconds(start);
		// The broker keeps what it was given on disk: half a gigabyte a pass by default.
		admin().deleteTopics(List.of(topic)).all().get(1, TimeUnit.MINUTES);
		return rate;
	}

	/**
	 * Kafka's limit: the better of the one before the service starts and the one after the last throughput phase. Before,
	 * the broker's JVM is new and may still be compiling however many passes it took: in run 153 they went 46,241,
	 * 64,618 and 60,070/s, and after the phase 223,448/s, while PostgreSQL's limits on both sides were the same. With
	 * the one before alone, run 150's phase came out at 0.86 of a Kafka limit of 46,565/s.
	 */
	private double kafkaWarm(double before, double after) {
		double better = Math.max(before, after);
		row("Kafka limit, warm (derived)", better, "the better of the limits before the service starts and after the last throughput phase");
		return better;
	}

	/**
	 * The PostgreSQL limit while a throughput phase ran: the mean of the limits measured right before it (for the
	 * first, before the service starts) and right after it. This virtual machine's speed drifts by a third over
	 * minutes (docs/benchmarks.md, runs 72–75), so one measurement minutes away from the phase put the phase's ratio
	 * anywhere from 0.29 to 0.66; one on each side brackets the phase.
	 */
	private double limitAround(String phase, double before, double after) {
		double mean = (before + after) / 2;
		row("PostgreSQL limit around " + phase + " (derived)", mean, String.format(Locale.ROOT,
				"the mean of the limits before and after it, which differ by %.0f%%", 100 * Math.abs(after - before) / mean));
		return mean;
	}

	/** PostgreSQL's rate for the writes Goalpost makes of the same figures, done the best way without it. */
	private double postgresLimit(String when) throws Exception {
		// On two cores two connections and three each came out ahead in one run: the limit is the best of two,
		// three and the service's own count, whatever that is, so that runs with different counts share a limit.
		int consumers = Integer.parseInt(consumerSetting("goalpost.consumer.concurrency", ConsumerProperties.CONCURRENCY));
		double best = 0;
		for (int connections : java.util.stream.IntStream.of(2, 3, consumers).distinct().sorted().toArray()) {
			PostgresLimit.Measured limit = new PostgresLimit(workload, figures, 1000, connections).measure(BACKGROUND);
			row("PostgreSQL, the same figure rows and series upserts", limit.rate(),
					"figures by COPY, series by unnest, 1,000 figures a transaction, %d connections, %s".formatted(connections, when));
			// Its connections are closed by now: their backends' time shows as exited children's, or as backends' if not yet reaped.
			sayMachineTime("    ", "this limit", limit.machineTime());
			best = Math.max(best, limit.rate());
		}
		return best;
	}

	/** A setting as passed to metrics-service with {@code --metrics-args}, or its default. */
	private String consumerSetting(String name, String otherwise) {
		return serviceArguments.stream()
			.filter((a) -> a.startsWith("--" + name + "="))
			.map((a) -> a.substring(name.length() + 3))
			.reduce((a, b) -> b)
			.orElse(otherwise);
	}

	/**
	 * Warms the service up in rounds of {@link #warmup} figures until its JIT compilers were busy for less than
	 * {@link #QUIET_COMPILERS} of two rounds in a row, or for {@link #warmupRounds} rounds. A fresh JVM compiles for a
	 * minute or two under this load, and the compilers' CPU comes from the cores that the broker and the database
	 * share with the service: timed, that would be the service's start, not its sustained rate. Methods called once
	 * a batch reach C2 only after a minute or two at this rate, and until then run slower code: after warm-ups that
	 * stopped at the first quiet round (9-12 rounds) the service took 20-22 µs of CPU a figure in the phase, after
	 * 16-20 rounds 16-18 µs (docs/benchmarks.md, "Runs 58–64"). Each round begins as the timed
	 * phase does, with a new target for every series, then actuals: with rounds of actuals alone, C2 took 0.10-0.18
	 * cores through the timed phase's first 25 s (docs/benchmarks.md, "Runs 35–46").
	 * @return how many figures were published to warm up
	 */
	private long warmUp(ServiceProcess metrics, String topic, List<Encoded> firstRound) throws Exception {
		long published = 0;
		Workload of = warming;
		List<Encoded> round = firstRound;
		boolean quietBefore = false;
		for (int r = 1;; r++) {
			double compiledBefore = metrics.compilationSeconds();
			long start = System.nanoTime();
			expect(of, round.size());
			produce(topic, round);
			published += round.size();
			long target = published;
			if (!waitUntil(Duration.ofMinutes(30), () -> {
				// Read as the timed phase reads them, so that the code serving them is compiled here and not there.
				metrics.usage();
				return committed(topic) >= target;
			})) {
				throw new IllegalStateException("metrics-service applied " + committed(topic) + " of the " + target
						+ " figures published to warm it up in 30 min");
			}
			double took = seconds(start);
			double busy = metrics.compilingShareSince(compiledBefore, start);
			boolean quiet = busy < QUIET_COMPILERS;
			boolean settled = quiet && quietBefore;
			say("  warm-up round %d: %,d figures in %.1f s, JIT compilers busy %.0f%% of it%s".formatted(r, round.size(),
					took, 100 * busy, settled ? ", quiet two rounds running"
							: (r == warmupRounds) ? ", the last round allowed" : quiet ? ", quiet" : ""));
			if (settled || r == warmupRounds) {
				return published;
			}
			quietBefore = quiet;
			of = of.next(of.series());
			round = encode(of, warmup);
		}
	}

	/** Goalpost's sustained rate: all figures published at once, from the first publish to the last in the state. */
	private Throughput endToEnd(ServiceProcess metrics, Infrastructure.Database database, String topic, List<Encoded> events,
			long before, String phase) throws Exception {
		Map<String, long[]> writesBefore = resetStatementStats(database);
		MachineTime.Snapshot machineBefore = MachineTime.take();
		double compiledBefore = metrics.compilationSeconds();
		Instant first = Instant.now();
		long start = System.nanoTime();
		CompletableFuture<Void> publishing = CompletableFuture.runAsync(() -> produce(topic, events), BACKGROUND);
		double maxHeap = 0;
		double cpu = 0;
		int samples = 0;
		long applied = 0;
		long lastReport = System.nanoTime();
		while (applied < events.size()) {
			TimeUnit.MILLISECONDS.sleep(500);
			if (publishing.isCompletedExceptionally()) {
				publishing.get();
			}
			applied = committed(topic) - before;
			ServiceProcess.Usage usage = metrics.usage();
			maxHeap = Math.max(maxHeap, usage.heapMib());
			cpu += usage.cpuCores();
			samples++;
			if (System.nanoTime() - lastReport > TimeUnit.SECONDS.toNanos(10)) {
				say("  … %,d of %,d applied (%,d on the topic), %.0f figures/s so far".formatted(applied, events.size(),
						published(topic) - before, applied / seconds(start)));
				lastReport = System.nanoTime();
			}
		}
		publishing.get();
		String machineTime = MachineTime.perFigure(machineBefore, MachineTime.take(), events.size());
		// Offsets are committed a little after the transactions (every ack-time): the end is the last commit.
		double rate = events.size() / (Duration.between(first, lastCommit(database)).toNanos() / 1e9);
		if (count(database) != before + events.size()) {
			throw new IllegalStateException("The consumer committed every figure, but " + count(database) + " of "
					+ (before + events.size()) + " are stored");
		}
		String detail = String.format(Locale.ROOT, "heap max %.0f MiB, CPU %.2f cores, JIT compilers busy %.0f%% of the phase",
				maxHeap, cpu / samples, 100 * metrics.compilingShareSince(compiledBefore, start));
		say("  Goalpost end to end in %s: %,.0f figures/s; %s".formatted(phase, rate, detail));
		sayMachineTime("  ", phase, machineTime);
		topStatements(database, phase, seconds(start), writesBefore);
		return new Throughput(rate, detail);
	}

	/** A throughput phase's rate, and what the service used in it. */
	record Throughput(double rate, String detail) {
	}

	/** A throughput phase measured, with the PostgreSQL limit around it. */
	record Phase(String name, Throughput throughput, double postgres) {

		double lowerLimit(double kafka) {
			return Math.min(kafka, postgres);
		}

		/** Its share of the lower of the two limits. */
		double ratio(double kafka) {
			return throughput.rate() / lowerLimit(kafka);
		}

		/** The phase of the middle ratio; of an even count, the lower of the two middle ones. */
		static Phase median(List<Phase> phases, double kafka) {
			List<Phase> sorted = phases.stream().sorted(java.util.Comparator.comparingDouble((Phase p) -> p.ratio(kafka))).toList();
			return sorted.get((sorted.size() - 1) / 2);
		}

	}

	/** When the last transaction that stored a figure committed (PostgreSQL's commit timestamps). */
	private static Instant lastCommit(Infrastructure.Database database) throws SQLException {
		try (Connection connection = connect(database); Statement sql = connection.createStatement();
				ResultSet rs = sql.executeQuery("SELECT max(pg_xact_commit_timestamp(xmin)) FROM figure_event")) {
			rs.next();
			return rs.getTimestamp(1).toInstant();
		}
	}

	/**
	 * Where the database's time went during a phase, from pg_stat_statements (the figure insert runs once a
	 * consumer transaction), and the rows each table took: how many of its updates were heap-only (HOT, no index
	 * touched) says what an update cost.
	 */
	static void topStatements(Infrastructure.Database database, String phase, double seconds, Map<String, long[]> writesBefore)
			throws SQLException {
		say("  statements by total time in %s (%.0f s; pg_stat_statements; pages read from the kernel, written by the backend):"
			.formatted(phase, seconds));
		say("    %10s %10s %9s %10s %9s %9s  %s".formatted("calls", "total ms", "mean ms", "rows", "read", "written", "statement"));
		try (Connection connection = connect(database); Statement query = connection.createStatement();
				ResultSet rs = query.executeQuery("""
						SELECT calls, total_exec_time, mean_exec_time, rows, shared_blks_read, shared_blks_written,
						    regexp_replace(query, '\\s+', ' ', 'g') AS query
						FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
						ORDER BY total_exec_time DESC LIMIT 10""")) {
			while (rs.next()) {
				String text = rs.getString("query");
				say(String.format(Locale.ROOT, "    %,10d %,10.0f %9.2f %,10d %,9d %,9d  %s", rs.getLong("calls"),
						rs.getDouble("total_exec_time"), rs.getDouble("mean_exec_time"), rs.getLong("rows"),
						rs.getLong("shared_blks_read"), rs.getLong("shared_blks_written"),
						text.substring(0, Math.min(110, text.length()))));
			}
		}
		say("    %-18s %10s %10s %10s %10s".formatted("table", "inserted", "updated", "HOT", "deleted"));
		tableWrites(database).forEach((table, after) -> {
			long[] d = MachineTime.since(writesBefore.getOrDefault(table, new long[0]), after);
			if (d[0] + d[1] + d[3] > 0) {
				say(String.format(Locale.ROOT, "    %-18s %,10d %,10d %,10d %,10d", table, d[0], d[1], d[2], d[3]));
			}
		});
	}

	/** @return each table's rows written so far, to compare a phase's end with ({@link #topStatements}) */
	static Map<String, long[]> resetStatementStats(Infrastructure.Database database) throws SQLException {
		try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
			statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
			statement.execute("SELECT pg_stat_statements_reset()");
		}
		return tableWrites(database);
	}

	/**
	 * Inserted, updated, of them heap-only, and deleted rows of each table, from the statistics collector, which
	 * hears of a transaction up to half a second after it ends: a phase's last rows may be missing.
	 */
	private static Map<String, long[]> tableWrites(Infrastructure.Database database) throws SQLException {
		Map<String, long[]> writes = new TreeMap<>();
		try (Connection connection = connect(database); Statement query = connection.createStatement();
				ResultSet rs = query.executeQuery("SELECT relname, n_tup_ins, n_tup_upd, n_tup_hot_upd, n_tup_del FROM pg_stat_user_tables")) {
			while (rs.next()) {
				writes.put(rs.getString(1), new long[] { rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5) });
			}
		}
		return writes;
	}

	/**
	 * Latency at a fixed offered rate. Publish → state: from the send to the commit of the transaction that
	 * stored the figure (PostgreSQL's commit timestamp). Publish → alert: from the send of the figure that
	 * missed its target to the harness receiving the alert from the topic.
	 */
	private void latency(ServiceProcess metrics, Infrastructure.Database database, String topic, Workload paced, int rate, long total,
			long storedBefore, Map<String, Instant> alertsReceived) throws Exception {
		Instant from;
		Instant to;
		double offered;
		double achieved;
		double compiling;
		String machineTime;
		Map<String, long[]> writesBefore = resetStatementStats(database);
		double compiledBefore = metrics.compilationSeconds();
		MachineTime.Snapshot machineBefore = MachineTime.take();
		try (KafkaProducer<String, byte[]> producer = producer()) {
			from = Instant.now();
			long start = System.nanoTime();
			pace(producer, topic, paced, rate, total);
			offered = total / seconds(start);
			to = Instant.now();
			waitUntil(Duration.ofMinutes(10), () -> committed(topic) >= storedBefore + total);
			machineTime = MachineTime.perFigure(machineBefore, MachineTime.take(), total);
			achieved = total / seconds(start);
			compiling = metrics.compilingShareSince(compiledBefore, start);
			topStatements(database, "the phase at %,d/s".formatted(rate), seconds(start), writesBefore);
		}
		String window = "reported_at >= '%s' AND reported_at <= '%s'".formatted(from, to);
		try (Connection connection = connect(database); Statement sql = connection.createStatement()) {
			// The queries below read the commit timestamp of every figure of the window, seconds of work. While
			// they ran, the relay's statement was seen stalled in PostgreSQL for up to 14.8 s, so the changes
			// still queued would have been timed late by the measurement itself: they go out first.
			waitUntil(Duration.ofMinutes(2), () -> outboxEmpty(sql));
			ResultSet state = sql.executeQuery("""
					SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms), percentile_cont(0.99) WITHIN GROUP (ORDER BY ms), max(ms)
					FROM (SELECT %s AS ms FROM figure_event WHERE %s) l""".formatted(STATE_MILLIS, window));
			state.next();
			double stateP50 = state.getDouble(1);
			double stateP99 = state.getDouble(2);
			row("latency publish → state at %,d/s offered (publisher kept %.0f/s)".formatted(rate, offered), Double.NaN,
					"p50 %.0f ms, p99 %.0f ms, max %.0f ms".formatted(stateP50, stateP99, state.getDouble(3)));
			// The start's time of day lines a slow second up with other logs, the JVMs' GC logs for one.
			say("    p99 of each second of the phase from %s, ms: ".formatted(from) + p99BySecond(sql, window, from));
			say("    the slowest transactions: " + slowestTransactions(sql, window));
			// Small batches take paths that the throughput phase's large ones did not warm up (--settle).
			say("    metrics-service's JIT compilers busy %.0f%% of the phase".formatted(100 * compiling));
			// A figure costs many times what it does in the throughput phase: batches of a few figures, each a
			// transaction, a fetch and a send of its own. How busy this leaves the machine is the room for a stall.
			sayMachineTime("    ", "this phase", machineTime);
			List<Long> alertMillis = alertLatencies(sql, alertsReceived, from, to);
			// A small --alert-share can leave a short phase without any alert: nothing was timed, not 0 ms.
			row("latency publish → alert at %,d/s offered".formatted(rate), Double.NaN, alertMillis.isEmpty()
					? "no alert raised in this phase, so none timed"
					: "p50 %d ms, p99 %d ms, max %d ms (%d alerts)".formatted(percentile(alertMillis, 0.5),
							percentile(alertMillis, 0.99), percentile(alertMillis, 1.0), alertMillis.size()));
			points.add(new LatencyPlot.Point(offered, achieved, stateP50, stateP99,
					alertMillis.isEmpty() ? Double.NaN : percentile(alertMillis, 0.99)));
		}
	}

	/** Where in the phase the tail is: the p99 of the figures published in each of its seconds. */
	private static String p99BySecond(Statement sql, String window, Instant from) throws SQLException {
		StringBuilder seconds = new StringBuilder();
		try (ResultSet rs = sql.executeQuery("""
				SELECT floor(extract(epoch FROM reported_at - '%s'::timestamptz)) AS s,
				    percentile_cont(0.99) WITHIN GROUP (ORDER BY %s)
				FROM figure_event WHERE %s GROUP BY 1 ORDER BY 1""".formatted(from, STATE_MILLIS, window))) {
			while (rs.next()) {
				seconds.append(seconds.isEmpty() ? "" : " ").append(Math.round(rs.getDouble(2)));
			}
		}
		return seconds.toString();
	}

	/**
	 * Whether the tail is the database's or before it: a figure's {@code received_at} is its transaction's start
	 * ({@code now()}), so each of the slowest transactions splits into the wait for it (Kafka, the consumer's batch
	 * before, decoding) and the transaction itself.
	 */
	private static String slowestTransactions(Statement sql, String window) throws SQLException {
		List<String> slowest = new ArrayList<>();
		try (ResultSet rs = sql.executeQuery("""
				SELECT max(ms), max(extract(epoch FROM received_at - reported_at) * 1000),
				    extract(epoch FROM committed - received_at) * 1000, kafka_partition, count(*), committed
				FROM (SELECT %s AS ms, reported_at, received_at, pg_xact_commit_timestamp(xmin) AS committed, kafka_partition
				      FROM figure_event WHERE %s) f
				GROUP BY committed, received_at, kafka_partition ORDER BY 1 DESC LIMIT 3""".formatted(STATE_MILLIS, window))) {
			while (rs.next()) {
				slowest.add("%.0f ms (until it began %.0f, then %.0f; partition %d, %d figures, committed %s)".formatted(
						rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getInt(4), rs.getInt(5),
						rs.getTimestamp(6).toInstant()));
			}
		}
		return String.join("; ", slowest);
	}

	/** Few enough series that each gets a target and several actuals within a phase, so alerts fire. */
	private int latencySeries(long figures) {
		return (int) Math.max(10, Math.min(workload.series(), figures / 6));
	}

	/** Once the last alert change is published, the whole state against what the figures imply. */
	private void checkState(Infrastructure.Database database, Map<String, Instant> alertsReceived) throws Exception {
		try (Connection connection = connect(database); Statement sql = connection.createStatement()) {
			// If changes stay queued, the check below says how many.
			waitUntil(Duration.ofMinutes(2), () -> outboxEmpty(sql));
			waitUntil(Duration.ofSeconds(30), () -> alertsReceived.size() >= expected.changes());
			row("state at the end of the run", Double.NaN, expected.check(connection, alertsReceived.keySet()));
		}
	}

	/** Whether every queued alert change is on the topics: the relay deletes a change once the broker has it. */
	private static boolean outboxEmpty(Statement sql) throws SQLException {
		try (ResultSet pending = sql.executeQuery("SELECT count(*) FROM alert_outbox")) {
			pending.next();
			return pending.getLong(1) == 0;
		}
	}

	/** Polls until the condition holds or the time is up. @return whether it held */
	static boolean waitUntil(Duration limit, java.util.concurrent.Callable<Boolean> condition) throws Exception {
		long deadline = System.nanoTime() + limit.toNanos();
		while (!condition.call()) {
			if (System.nanoTime() > deadline) {
				return false;
			}
			TimeUnit.MILLISECONDS.sleep(100);
		}
		return true;
	}

	private void pace(KafkaProducer<String, byte[]> producer, String topic, Workload workload, int rate, long total) {
		long start = System.nanoTime();
		for (long n = 0; n < total; n++) {
			LockSupport.parkNanos(start + n * 1_000_000_000L / rate - System.nanoTime());
			FigureReported figure = workload.figure(n, Instant.now());
			expected.add(figure);
			producer.send(record(topic, figure));
		}
		producer.flush();
	}

	/** For each alert fired: its arrival on the topic less the send of the last figure of its series before it fired. */
	private static List<Long> alertLatencies(Statement sql, Map<String, Instant> received, Instant from, Instant to) throws Exception {
		Map<String, Instant> causes = new HashMap<>();
		// An alert caused in the window started after the window began (its figure was sent, then stored, then
		// raised it): only those are matched to their figures, not every alert of the run. A second of margin
		// for the service's and the harness's clocks.
		try (ResultSet fired = sql.executeQuery("""
				SELECT a.alert_id || ':firing', (SELECT max(f.reported_at) FROM figure_event f
				        WHERE f.region = a.region AND f.indicator = a.indicator AND f.year = a.year
				          AND f.received_at <= a.starts_at) AS caused_at
				FROM alert a WHERE a.published_state IS NOT NULL AND a.starts_at >= '%s'""".formatted(from.minusSeconds(1)))) {
			while (fired.next()) {
				Instant causedAt = fired.getTimestamp(2).toInstant();
				if (!causedAt.isBefore(from) && !causedAt.isAfter(to)) {
					causes.put(fired.getString(1), causedAt);
				}
			}
		}
		if (!waitUntil(Duration.ofSeconds(30), () -> received.keySet().containsAll(causes.keySet()))) {
			throw new IllegalStateException("Alerts were queued but never reached the topic: "
					+ causes.keySet().stream().filter((id) -> !received.containsKey(id)).toList());
		}
		List<Long> millis = new ArrayList<>();
		causes.forEach((eventId, causedAt) -> millis.add(Duration.between(causedAt, received.get(eventId)).toMillis()));
		millis.sort(null);
		return millis;
	}

	private static long percentile(List<Long> sorted, double p) {
		return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
	}

	/**
	 * The HTTP path: batches of 500 figures posted to ingest-service by {@code --http-clients} clients at once.
	 * The bodies are written before the clock starts, as the Kafka limit's records are: the load generator
	 * shares the cores with what it measures.
	 */
	private void httpIngest() throws Exception {
		String topic = freshTopics();
		try (ServiceProcess ingest = ServiceProcess.start("ingest-service", "512m", List.of("--spring.kafka.bootstrap-servers=" + bootstrap(),
				"--goalpost.topics.figures=" + topic, "--goalpost.security.api-keys=bench-key"))) {
			int batches = Math.max(4, httpFigures / 500);
			HttpClient http = HttpClient.newHttpClient();
			// As many batches first, not timed, for the fresh service's JIT compiler.
			post(http, ingest.port(), httpClients, bodies(batches, 2L * batches));
			List<String> timed = bodies(0, batches);
			long start = System.nanoTime();
			post(http, ingest.port(), httpClients, timed);
			row("HTTP ingest, batches of 500, %d clients".formatted(httpClients), batches * 500.0 / seconds(start),
					"%,d figures after as many untimed".formatted(batches * 500));
		}
	}

	/** Posts the bodies from {@code clients} clients at once. */
	private static void post(HttpClient http, int port, int clients, List<String> bodies) throws Exception {
		AtomicInteger next = new AtomicInteger();
		List<CompletableFuture<Void>> running = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			running.add(CompletableFuture.runAsync(() -> {
				for (int b = next.getAndIncrement(); b < bodies.size(); b = next.getAndIncrement()) {
					post(http, port, bodies.get(b));
				}
			}, BACKGROUND));
		}
		CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).get();
	}

	/** The bodies of batches {@code from} to {@code to} (exclusive). */
	private List<String> bodies(long from, long to) {
		List<String> bodies = new ArrayList<>();
		for (long b = from; b < to; b++) {
			bodies.add(batch(b));
		}
		return bodies;
	}

	private String batch(long b) {
		StringBuilder json = new StringBuilder("[");
		for (long n = b * 500; n < (b + 1) * 500; n++) {
			FigureReported f = workload.figure(n, Instant.now());
			json.append(n > b * 500 ? "," : "")
				.append("{\"region\":\"").append(f.region()).append("\",\"indicator\":\"").append(f.indicator())
				.append("\",\"year\":").append(f.year()).append(",\"kind\":\"").append(f.kind().name().toLowerCase(Locale.ROOT))
				.append("\",\"value\":").append(f.value()).append("}");
		}
		return json.append("]").toString();
	}

	private static void post(HttpClient http, int port, String body) {
		try {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/figures"))
				.header("Content-Type", "application/json").header("X-Api-Key", "bench-key")
				.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 202) {
				throw new IllegalStateException("ingest answered " + response.statusCode() + ": " + response.body());
			}
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private ServiceProcess metrics(Infrastructure.Database database, String topic) throws Exception {
		return ServiceProcess.start("metrics-service", "512m", concat(List.of("--spring.kafka.bootstrap-servers=" + bootstrap(),
				"--goalpost.topics.figures=" + topic, "--goalpost.topics.alerts=" + alertsTopic(topic),
				"--spring.kafka.consumer.group-id=" + METRICS_GROUP,
				"--spring.datasource.url=" + database.jdbcUrl(), "--spring.datasource.username=" + database.username(),
				"--spring.datasource.password=" + database.password()), serviceArguments));
	}

	private static String freshTopics() {
		String topic = "bench-figures-" + UUID.randomUUID();
		Infrastructure.createTopics(bootstrap(), 6, topic, topic + "-dlt", alertsTopic(topic));
		return topic;
	}

	private static List<String> concat(List<String> a, List<String> b) {
		List<String> all = new ArrayList<>(a);
		all.addAll(b);
		return all;
	}

	private static String alertsTopic(String figuresTopic) {
		return figuresTopic.replace("figures", "alerts");
	}

	/**
	 * The records of a workload's first {@code count} figures, events, keys and headers made
	 * before any clock starts: the load generator shares the two cores it measures, so what is timed of it is
	 * the sending alone.
	 */
	private static List<Encoded> encode(Workload of, int count) {
		return figures(of, count).map(Encoded::of).toList();
	}

	/** A workload's first {@code count} figures, in publication order. */
	private static java.util.stream.Stream<FigureReported> figures(Workload of, int count) {
		Instant now = Instant.now();
		return java.util.stream.LongStream.range(0, count).mapToObj((n) -> of.figure(n, now));
	}

	/** A figure's record but for its topic, which each pass of the Kafka limit has its own of. */
	private record Encoded(String key, byte[] event, Header[] headers) {

		static Encoded of(FigureReported figure) {
			ProducerRecord<String, byte[]> record = record("any", figure);
			return new Encoded(record.key(), record.value(), record.headers().toArray());
		}

		ProducerRecord<String, byte[]> to(String topic) {
			return new ProducerRecord<>(topic, null, key, event, new RecordHeaders(headers));
		}

	}

	/**
	 * Adds a workload's first {@code count} figures to the expected state. Apart from {@link #encode}, and called
	 * just before they are published: the state is worked out in publication order, and the throughput phase's
	 * events are written before the warm-up knows how many rounds it takes.
	 */
	private void expect(Workload of, int count) {
		figures(of, count).forEachOrdered(expected::add);
	}

	/** Publishes the records, and waits until the broker has them all. */
	private void produce(String topic, List<Encoded> events) {
		try (KafkaProducer<String, byte[]> producer = producer()) {
			events.forEach((event) -> producer.send(event.to(topic)));
			producer.flush();
		}
	}

	private static ProducerRecord<String, byte[]> record(String topic, FigureReported figure) {
		return CloudEventRecords.record(topic, figure.key(), EventCodec.write(figure), EventCodec.headers(
				figure.eventId().toString(), EventTypes.FIGURE_REPORTED, "/bench", figure.key(), figure.reportedAt()));
	}

	private KafkaProducer<String, byte[]> producer() {
		return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(), ProducerConfig.ACKS_CONFIG, "all",
				ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.BATCH_SIZE_CONFIG, 65536, ProducerConfig.COMPRESSION_TYPE_CONFIG,
				compression), new StringSerializer(),
				new ByteArraySerializer());
	}

	/**
	 * How many figures metrics-service has applied: its consumer group commits a batch's offsets after the
	 * transaction that stored it, so the sum of its offsets on the topic counts them, without a query that
	 * would take the database's time from the service under test.
	 */
	private static long committed(String topic) throws Exception {
		return admin().listConsumerGroupOffsets(METRICS_GROUP).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS)
			.entrySet().stream()
			.filter((e) -> e.getKey().topic().equals(topic) && e.getValue() != null)
			.mapToLong((e) -> e.getValue().offset())
			.sum();
	}

	/** How many records the topic holds, all partitions. */
	private static long published(String topic) throws Exception {
		var partitions = admin().describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
			.collect(java.util.stream.Collectors.toMap((p) -> new org.apache.kafka.common.TopicPartition(topic, p.partition()),
					(p) -> org.apache.kafka.clients.admin.OffsetSpec.latest()));
		return admin().listOffsets(partitions).all().get().values().stream().mapToLong((o) -> o.offset()).sum();
	}

	/**
	 * One admin client for the run: progress is asked for several times a second, and a client made for each
	 * question (its threads, connection and metadata) would take the machine's time from what is measured.
	 */
	private static synchronized org.apache.kafka.clients.admin.Admin admin() {
		if (admin == null) {
			admin = org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers", bootstrap()));
		}
		return admin;
	}

	private static synchronized void closeAdmin() {
		if (admin != null) {
			admin.close(Duration.ofSeconds(5));
			admin = null;
		}
	}

	private static long count(Infrastructure.Database database) throws SQLException {
		try (Connection connection = connect(database); Statement sql = connection.createStatement();
				ResultSet rs = sql.executeQuery("SELECT count(*) FROM figure_event")) {
			rs.next();
			return rs.getLong(1);
		}
		catch (SQLException ex) {
			// The service has not created its schema yet.
			return 0;
		}
	}

	static Connection connect(Infrastructure.Database database) throws SQLException {
		return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
	}

	private static synchronized String bootstrap() {
		if (broker == null) {
			try {
				broker = BrokerProcess.start();
			}
			catch (IOException | InterruptedException ex) {
				throw new IllegalStateException("Could not start the broker", ex);
			}
		}
		return broker.bootstrapServers();
	}

	private static double seconds(long startNanos) {
		return (System.nanoTime() - startNanos) / 1e9;
	}

	private void row(String what, double perSecond, String detail) {
		rows.add(new String[] { what, Double.isNaN(perSecond) ? "" : String.format(Locale.ROOT, "%,.0f", perSecond), detail });
		say(String.format(Locale.ROOT, "  %-58s %12s  %s", what, rows.getLast()[1], detail));
	}

	private void print() {
		say("");
		say(String.format(Locale.ROOT, "| %-58s | %12s | %s |", "measure", "figures/s", "detail"));
		say("|" + "-".repeat(60) + "|" + "-".repeat(14) + "|---|");
		rows.forEach((r) -> say(String.format(Locale.ROOT, "| %-58s | %12s | %s |", r[0], r[1], r[2])));
	}

	/** {@code --name value} pairs; a name the harness does not know is refused, not ignored. */
	private static Map<String, String> options(String[] args) {
		Map<String, String> options = new java.util.HashMap<>();
		for (int i = 0; i < args.length; i += 2) {
			String name = args[i].replaceFirst("^--", "");
			if (!args[i].startsWith("--") || !OPTIONS.contains(name)) {
				throw new IllegalArgumentException("unknown option '" + args[i] + "'");
			}
			if (i + 1 == args.length) {
				throw new IllegalArgumentException("option '" + args[i] + "' needs a value");
			}
			options.put(name, args[i + 1]);
		}
		return options;
	}

	static void say(String line) {
		System.out.println(line);
	}

	/** The machine's time a figure by process over some part of the run, where {@code /proc} gave it. */
	private static void sayMachineTime(String indent, String part, String machineTime) {
		if (machineTime != null) {
			say(indent + "CPU a figure in " + part + " by process (/proc, µs): " + machineTime);
		}
	}

}
