package io.goalpost.localstack;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import io.goalpost.ingest.IngestApplication;
import io.goalpost.metrics.MetricsApplication;

import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * All of Goalpost on one machine with only a JDK: a Kafka broker, PostgreSQL, metrics-service and
 * ingest-service in one JVM, stopped cleanly in reverse order on Ctrl-C. An existing Kafka or PostgreSQL
 * is used instead when {@code KAFKA_BOOTSTRAP_SERVERS} or {@code GOALPOST_DB_URL} is set.
 */
public final class LocalStack {

	static final String DEFAULT_API_KEY = "local-dev-key";

	private final Deque<AutoCloseable> running = new ArrayDeque<>();

	private LocalStack() {
	}

	public static void main(String[] args) throws Exception {
		String[] rest = (args.length > 0) ? java.util.Arrays.copyOfRange(args, 1, args.length) : args;
		if (args.length > 0 && args[0].equals("console-consumer")) {
			// Kafka's own console consumer, shipped in this jar so subscribers need no Kafka download.
			org.apache.kafka.tools.consumer.ConsoleConsumer.main(rest);
			return;
		}
		if (args.length > 0 && args[0].equals("evaluate")) {
			io.goalpost.ingest.extraction.CorpusEvaluation.main(rest);
			return;
		}
		LocalStack stack = new LocalStack();
		Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "goalpost-local-stop"));
		try {
			stack.start(System.getenv());
		}
		catch (Exception ex) {
			System.err.println("Goalpost could not start: " + ex.getMessage());
			System.exit(1);
		}
	}

	private void start(Map<String, String> env) throws Exception {
		Path data = Path.of(env.getOrDefault("GOALPOST_DATA_DIR", "data")).toAbsolutePath();
		running.push(new DataDirLock(data));
		say("Goalpost local stack, data in " + data);

		String kafka = env.get("KAFKA_BOOTSTRAP_SERVERS");
		if (kafka == null) {
			int port = port(env, "GOALPOST_KAFKA_PORT", 9092);
			say("Starting Kafka (KRaft) on localhost:" + port + " ...");
			LocalKafka broker = new LocalKafka(data, port, port(env, "GOALPOST_KAFKA_CONTROLLER_PORT", port + 1));
			running.push(broker);
			kafka = broker.bootstrapServers();
		}
		else {
			say("Using the Kafka at " + kafka);
		}

		String dbUrl = env.get("GOALPOST_DB_URL");
		String dbUser = env.getOrDefault("GOALPOST_DB_USER", LocalPostgres.USER);
		String dbPassword = env.getOrDefault("GOALPOST_DB_PASSWORD", LocalPostgres.PASSWORD);
		if (dbUrl == null) {
			int port = port(env, "GOALPOST_POSTGRES_PORT", 15432);
			say("Starting PostgreSQL on localhost:" + port + " ...");
			LocalPostgres postgres = new LocalPostgres(data, port);
			running.push(postgres);
			dbUrl = postgres.jdbcUrl();
			dbUser = LocalPostgres.USER;
			dbPassword = LocalPostgres.PASSWORD;
		}
		else {
			say("Using the PostgreSQL at " + dbUrl);
		}

		// Both services log through the one Logback of this JVM, which would label every line with the name of the
		// first service started: no name is better than the wrong one. The logger names tell the services apart.
		List<String> common = List.of("--spring.kafka.bootstrap-servers=" + kafka, "--logging.include-application-name=false");
		say("Starting metrics-service ...");
		running.push(run(MetricsApplication.builder(), common, "--spring.datasource.url=" + dbUrl,
				"--spring.datasource.username=" + dbUser, "--spring.datasource.password=" + dbPassword));
		say("Starting ingest-service ...");
		running.push(run(IngestApplication.builder(), common));

		String ingest = "http://localhost:" + env.getOrDefault("INGEST_PORT", "8081");
		String metrics = "http://localhost:" + env.getOrDefault("METRICS_PORT", "8082");
		String key = env.containsKey("GOALPOST_API_KEYS") ? "(the keys in GOALPOST_API_KEYS)"
				: DEFAULT_API_KEY + "   (the documented local default; set GOALPOST_API_KEYS for anything shared)";
		say("""

				Goalpost is running. Ctrl-C stops everything.
				  dashboard        %s/
				  ingest-service   %s/api/v1/figures
				  metrics-service  %s/api/v1/series   %s/api/v1/alerts
				  API docs         %s/swagger-ui.html   %s/swagger-ui.html
				  health           %s/actuator/health   %s/actuator/health
				  Kafka            %s   (topics indicator-figures, indicator-alerts)
				  API key          %s
				""".formatted(metrics, ingest, metrics, metrics, ingest, metrics, ingest, metrics, kafka, key));
	}

	private static AutoCloseable run(SpringApplicationBuilder builder, List<String> common, String... args) {
		String[] all = java.util.stream.Stream.concat(common.stream(), java.util.Arrays.stream(args)).toArray(String[]::new);
		return builder.profiles("local").bannerMode(Banner.Mode.OFF).run(all);
	}

	private synchronized void stop() {
		if (running.isEmpty()) {
			// Nothing was started (another stack holds the data folder, say): nothing to report as stopped.
			return;
		}
		while (!running.isEmpty()) {
			AutoCloseable part = running.pop();
			try {
				part.close();
			}
			catch (Exception ex) {
				System.err.println("Stopping " + part.getClass().getSimpleName() + " failed: " + ex.getMessage());
			}
		}
		say("Goalpost stopped.");
	}

	private static int port(Map<String, String> env, String name, int fallback) {
		String value = env.get(name);
		try {
			return (value != null) ? Integer.parseInt(value) : fallback;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(name + " must be a port number, not '" + value + "'");
		}
	}

	private static void say(String line) {
		System.out.println(line);
	}

}
