package io.goalpost.system;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.goalpost.testsupport.Infrastructure;
import io.goalpost.testsupport.ServiceClient;
import io.goalpost.testsupport.TcpProxy;
import io.goalpost.testsupport.TopicReader;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

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
			Process doomed = Services.metricsProcess(topics, database, "faults-kill");
			try {
				workload.publish(topics.figures(), 0, 5);
				await().atMost(SETTLE).until(() -> SeriesWorkload.applied(database) >= 300);
			}
			finally {
				doomed.destroyForcibly();
				doomed.waitFor(30, TimeUnit.SECONDS);
			}
			assertThat(doomed.exitValue()).isNotZero();
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

	private static double failedAttempts(ServiceClient metrics) {
		String prometheus = metrics.get("/actuator/prometheus").body();
		return prometheus.lines()
			.filter((line) -> line.startsWith("goalpost_figures_failed_attempts_total"))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

}
