package io.goalpost.system;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.goalpost.testsupport.Infrastructure;
import io.goalpost.testsupport.ServiceClient;
import io.goalpost.testsupport.ServiceJar;
import io.goalpost.testsupport.TcpProxy;
import io.goalpost.testsupport.TopicReader;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTransactionsOptions;
import org.apache.kafka.clients.admin.TransactionState;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.goalpost.testsupport.Waits.THROUGH_KAFKA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Faults injected against the real broker and PostgreSQL while thousands of figures stream through:
 * the end state must be exactly that of a run without faults.
 */
class FaultSystemTests {

	private static final Duration SETTLE = Duration.ofMinutes(3);

	private final SeriesWorkload workload = new SeriesWorkload(264, 9);

	@Test
	void survivesPostgresGoingAwayMidStream() throws Exception {
		Services.Topics topics = Services.Topics.fresh();
		Infrastructure.Database database = Infrastructure.postgres().newDatabase();
		try (TcpProxy proxy = database.proxy();
				TopicReader alerts = TopicReader.of(topics.alerts())) {
			ConfigurableApplicationContext metrics = Services.metrics(topics, database.through(proxy), "faults-postgres");
			try {
				workload.publish(topics.figures(), 0, 4);
				await().atMost(SETTLE).until(() -> SeriesWorkload.applied(database) >= 200);

				proxy.cut();
				workload.publish(topics.figures(), 4, workload.rounds());
				ServiceClient client = ServiceClient.onPort(Services.port(metrics));
				await().atMost(SETTLE).until(() -> failedAttempts(client) > 0);
				assertThat(SeriesWorkload.applied(database)).isLessThan(workload.figureCount());

				proxy.restore();
				await().atMost(SETTLE).untilAsserted(() -> workload.assertFinalState(database, alerts));
			}
			finally {
				metrics.close();
			}
		}
	}

	@Test
	void survivesAnInstanceKilledMidStream() throws Exception {
		Services.Topics topics = Services.Topics.fresh();
		Infrastructure.Database database = Infrastructure.postgres().newDatabase();
		try (TopicReader alerts = TopicReader.of(topics.alerts())) {
			ServiceJar doomed = Services.metricsProcess(topics, database, "faults-kill");
			try {
				workload.publish(topics.figures(), 0, 5);
				await().atMost(SETTLE).until(() -> SeriesWorkload.applied(database) >= 300);
			}
			finally {
				doomed.kill();
			}
			assertThat(doomed.process().exitValue()).isNotZero();
			workload.publish(topics.figures(), 5, workload.rounds());

			ConfigurableApplicationContext successor = Services.metrics(topics, database, "faults-kill");
			try {
				await().atMost(SETTLE).untilAsserted(() -> workload.assertFinalState(database, alerts));
			}
			finally {
				successor.close();
			}
		}
	}

	@Test
	void twoInstancesShareTheLoadAndOneLeavingChangesNothing() throws Exception {
		Services.Topics topics = Services.Topics.fresh();
		Infrastructure.Database database = Infrastructure.postgres().newDatabase();
		try (TopicReader alerts = TopicReader.of(topics.alerts())) {
			ConfigurableApplicationContext first = Services.metrics(topics, database, "faults-rebalance");
			ConfigurableApplicationContext second = Services.metrics(topics, database, "faults-rebalance");
			try {
				workload.publish(topics.figures(), 0, 5);
				await().atMost(SETTLE).until(() -> SeriesWorkload.applied(database) >= 300);
				second.close();
				workload.publish(topics.figures(), 5, workload.rounds());
				await().atMost(SETTLE).untilAsserted(() -> workload.assertFinalState(database, alerts));
			}
			finally {
				second.close();
				first.close();
			}
		}
	}

	/**
	 * An ingest instance killed with two CSV uploads under way leaves two transactions open, which hold up every
	 * {@code read_committed} reader of their partition until the broker's timeout, five minutes here. Started again
	 * with the same instance id, ingest lists the broker's open transactions and aborts those of its ids. metrics-service
	 * then applies the next figure of the same series at once, and nothing of the killed uploads.
	 */
	@Test
	void anIngestInstanceKilledMidUploadHoldsNothingUpOnceStartedAgain() throws Exception {
		Services.Topics topics = Services.Topics.fresh();
		Infrastructure.Database database = Infrastructure.postgres().newDatabase();
		String instance = "faults-ingest-" + System.nanoTime();
		ConfigurableApplicationContext metrics = Services.metrics(topics, database, "faults-ingest");
		List<Socket> uploads = new ArrayList<>();
		try (Admin admin = Admin.create(Map.of("bootstrap.servers", Infrastructure.kafka().bootstrapServers()))) {
			ServiceJar doomed = Services.ingestProcess(topics, instance);
			try {
				for (int upload = 0; upload < 2; upload++) {
					uploads.add(startUpload(doomed.port(), """
							region,indicator,year,kind,value,sentence
							chongqing,tech_smes,2021,target,40000,killed-%1$d
							chongqing,tech_smes,2021,actual,36000,killed-%1$d
							""".formatted(upload)));
				}
				await().atMost(SETTLE).until(() -> openTransactions(admin, instance), (open) -> open == 2);
			}
			finally {
				doomed.kill();
			}
			assertThat(openTransactions(admin, instance)).as("left open by the killed instance").isEqualTo(2);

			try (ServiceJar successor = Services.ingestProcess(topics, instance)) {
				assertThat(ServiceClient.onPort(successor.port())
					.post("/api/v1/figures", "text/csv",
							"region,indicator,year,kind,value,sentence\nchongqing,tech_smes,2021,target,45000,after\n")
					.statusCode()).isEqualTo(202);
				JdbcClient sql = SeriesWorkload.sql(database);
				await().atMost(THROUGH_KAFKA)
					.until(() -> sql.sql("SELECT count(*) FROM figure_event WHERE sentence = 'after'").query(Long.class).single(),
							(applied) -> applied == 1);
				assertThat(sql.sql("SELECT count(*) FROM figure_event WHERE sentence LIKE 'killed-%'").query(Long.class).single())
					.isZero();
				await().atMost(THROUGH_KAFKA).until(() -> openTransactions(admin, instance), (open) -> open == 0);
			}
		}
		finally {
			for (Socket upload : uploads) {
				upload.close();
			}
			metrics.close();
		}
	}

	/** The transactions of {@code instance}'s producers that the broker holds open. */
	private static long openTransactions(Admin admin, String instance) throws Exception {
		return admin.listTransactions(new ListTransactionsOptions().filterStates(List.of(TransactionState.ONGOING)))
			.all()
			.get()
			.stream()
			.filter((listing) -> listing.transactionalId().startsWith("ingest-" + instance + "-"))
			.count();
	}

	/**
	 * A CSV upload whose body has not all arrived: the request's head and a first chunk of {@code rows}, sent over a
	 * connection that stays open, with the last chunk still to come.
	 */
	private static Socket startUpload(int port, String rows) throws IOException {
		byte[] chunk = rows.getBytes(StandardCharsets.UTF_8);
		Socket socket = new Socket("localhost", port);
		OutputStream out = socket.getOutputStream();
		out.write(("POST /api/v1/figures HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/csv\r\nX-Api-Key: "
				+ ServiceClient.TEST_API_KEY + "\r\nTransfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(chunk.length)
				+ "\r\n").getBytes(StandardCharsets.US_ASCII));
		out.write(chunk);
		out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
		out.flush();
		return socket;
	}

	private static double failedAttempts(ServiceClient metrics) {
		String prometheus = metrics.get("/actuator/prometheus").body();
		return prometheus.lines()
			.filter((line) -> line.startsWith("goalpost_figures_failed_attempts_total"))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

}
