package io.goalpost.testsupport;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Real Kafka and PostgreSQL for tests, started once per JVM. Where a Docker engine answers, they run in
 * Testcontainers; where none does, Apache Kafka's own broker runs in KRaft mode inside the JVM and
 * PostgreSQL runs from the embedded binaries. {@code GOALPOST_TEST_INFRA=docker|embedded} forces a
 * choice. Tests never know which they got.
 */
public final class Infrastructure {

	/** The broker image of the tests where Docker runs, and of docker-compose.yml. */
	public static final String KAFKA_IMAGE = "apache/kafka:4.2.0";

	/** The database image of the tests where Docker runs, and of docker-compose.yml. */
	public static final String POSTGRES_IMAGE = "postgres:17-alpine";

	private static final Logger log = LoggerFactory.getLogger(Infrastructure.class);

	private static final AtomicInteger names = new AtomicInteger();

	private static Kafka kafka;

	private static Postgres postgres;

	private static Boolean docker;

	private Infrastructure() {
	}

	public static synchronized Kafka kafka() {
		if (kafka == null) {
			kafka = useDocker() ? new ContainerKafka() : new EmbeddedKafka();
			log.info("Kafka for tests: {} at {}", kafka.getClass().getSimpleName(), kafka.bootstrapServers());
		}
		return kafka;
	}

	public static synchronized Postgres postgres() {
		if (postgres == null) {
			postgres = useDocker() ? new ContainerPostgres() : new EmbeddedPostgres();
			log.info("PostgreSQL for tests: {}", postgres.getClass().getSimpleName());
		}
		return postgres;
	}

	/**
	 * Points a Spring context at the shared broker and at a database of its own, and gives it topics and a
	 * consumer group of its own, so test classes cannot see each other's data or wait on each other's consumers.
	 * Sharing one group, every context's consumers joined one rebalance: in a run of {@code .ci/run} a new
	 * context's consumers were assigned nothing for 44 s, about the 45 s session timeout after which the
	 * coordinator gives up on a member that does not answer, most likely one of an earlier context's.
	 * @return the suffix that makes this context's topic names unique
	 */
	public static String register(DynamicPropertyRegistry registry) {
		return register(registry, postgres().newDatabase());
	}

	/** As {@link #register(DynamicPropertyRegistry)}, with a database the test made, for example one behind a proxy. */
	public static String register(DynamicPropertyRegistry registry, Database database) {
		String suffix = uniqueName("t");
		registry.add("spring.kafka.bootstrap-servers", kafka()::bootstrapServers);
		registry.add("spring.datasource.url", database::jdbcUrl);
		registry.add("spring.datasource.username", database::username);
		registry.add("spring.datasource.password", database::password);
		registry.add("goalpost.topics.figures", () -> "indicator-figures-" + suffix);
		registry.add("goalpost.topics.alerts", () -> "indicator-alerts-" + suffix);
		registry.add("spring.kafka.consumer.group-id", () -> "goalpost-metrics-" + suffix);
		return suffix;
	}

	/**
	 * Creates topics with the partitions the services use, before anything is produced: a topic created by
	 * a producer's first record would get the broker's default, and adding partitions later moves keys. Returns
	 * once every partition's leader serves it. A producer whose first batch a partition refuses can be left
	 * retrying, for good, a batch the broker has in fact appended (a benchmark run hung so). A leader named in the
	 * topic's description is not enough: the broker names it a moment before the leader takes the partition.
	 * Creating topics and producing at once, a produce was refused in 4 rounds of 150 while this waited for the
	 * description, and in none of 300 since it waits for the end offsets, which the leaders read themselves.
	 */
	public static void createTopics(int partitions, String... names) {
		createTopics(kafka().bootstrapServers(), partitions, names);
	}

	/** As {@link #createTopics(int, String...)}, on the broker at {@code bootstrapServers}. */
	public static void createTopics(String bootstrapServers, int partitions, String... names) {
		List<String> topics = List.of(names);
		try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
			admin.createTopics(topics.stream().map((name) -> new NewTopic(name, partitions, (short) 1)).toList())
				.all()
				.get(30, TimeUnit.SECONDS);
			Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
			topics.forEach((topic) -> IntStream.range(0, partitions)
				.forEach((p) -> ends.put(new TopicPartition(topic, p), OffsetSpec.latest())));
			// Until the leaders know the partitions, the answer is an error that the admin client retries itself.
			Awaitility.await()
				.atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(50))
				.ignoreExceptions()
				.until(() -> admin.listOffsets(ends).all().get().size() == ends.size());
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not create topics " + topics, ex);
		}
	}

	static String uniqueName(String prefix) {
		return prefix + "_" + ProcessHandle.current().pid() + "_" + names.incrementAndGet();
	}

	/** Decided once, under the lock of {@link #kafka()} and {@link #postgres()}: both run the same way. */
	private static boolean useDocker() {
		if (docker == null) {
			String forced = System.getenv().getOrDefault("GOALPOST_TEST_INFRA", "").toLowerCase(Locale.ROOT);
			docker = switch (forced) {
				case "docker" -> true;
				case "embedded" -> false;
				default -> dockerAnswers();
			};
		}
		return docker;
	}

	private static boolean dockerAnswers() {
		boolean answers;
		try {
			answers = DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			answers = false;
		}
		if (!answers) {
			log.info("No Docker engine answered: Kafka and PostgreSQL run embedded (GOALPOST_TEST_INFRA=docker requires Docker)");
		}
		return answers;
	}

	/** A running broker. */
	public sealed interface Kafka permits ContainerKafka, EmbeddedKafka {

		String bootstrapServers();

	}

	/** A running PostgreSQL server on which tests get databases of their own. */
	public sealed interface Postgres permits ContainerPostgres, EmbeddedPostgres {

		Database newDatabase();

	}

	/** Where a test's own database is. */
	public record Database(String jdbcUrl, String username, String password) {

		private static final java.util.regex.Pattern HOST_PORT = java.util.regex.Pattern.compile("//([^:/]+):(\\d+)/");

		/** The same database reached through a proxy that a test can cut. */
		public Database through(TcpProxy proxy) {
			return new Database(HOST_PORT.matcher(jdbcUrl).replaceFirst("//localhost:" + proxy.port() + "/"), username, password);
		}

		/** A proxy in front of this database's server. */
		public TcpProxy proxy() {
			java.util.regex.Matcher m = HOST_PORT.matcher(jdbcUrl);
			if (!m.find()) {
				throw new IllegalStateException("No host and port in " + jdbcUrl);
			}
			return TcpProxy.to(m.group(1), Integer.parseInt(m.group(2)));
		}

	}

}
