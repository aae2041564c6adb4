package io.goalpost.ingest.publishing;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.goalpost.contract.Comparator;
import io.goalpost.contract.EventCodec;
import io.goalpost.contract.FigureKind;
import io.goalpost.contract.FigureReported;
import io.goalpost.contract.Source;
import io.goalpost.ingest.IngestApplication;
import io.goalpost.ingest.IngestIntegrationTest;
import io.goalpost.testsupport.Infrastructure;
import io.goalpost.testsupport.ServiceClient;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.core.ProducerFactory;

import static io.goalpost.testsupport.Waits.THROUGH_KAFKA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * An instance that crashed in the middle of a request left its transaction open, and readers of committed records
 * wait on it until the broker's transaction timeout, five minutes here. Started again with the same
 * {@code GOALPOST_INSTANCE_ID}, ingest-service aborts it at once, though it was a producer number (3) that the new
 * instance does not take for its first request.
 */
class RestartedInstanceFencingIntegrationTests extends IngestIntegrationTest {

	@Test
	void anInstanceStartedAgainAbortsTheTransactionItsPredecessorLeftOpen() throws Exception {
		String instance = "restarted-" + System.nanoTime();
		String leftOpen = "left-open-" + System.nanoTime();
		try (KafkaProducer<String, byte[]> crashed = producer("ingest-" + instance + "-3")) {
			crashed.initTransactions();
			crashed.beginTransaction();
			FigureReported open = figure(leftOpen);
			crashed.send(new ProducerRecord<>(figuresTopic, open.key(), EventCodec.write(open))).get();

			try (ConfigurableApplicationContext restarted = start(IngestApplication.builder(), "--goalpost.instance-id=" + instance)) {
				ServiceClient client = ServiceClient
					.onPort(restarted.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
				// The same series: the same key and partition, behind the transaction left open.
				String after = "restarted-after-" + System.nanoTime();
				HttpResponse<String> response = client.post("/api/v1/figures", CSV,
						"region,indicator,year,kind,value,sentence\nchongqing,tech_smes,2023,target,45000," + after + "\n");
				assertThat(response.statusCode()).as(response.body()).isEqualTo(202);

				await().atMost(THROUGH_KAFKA).until(() -> published(after).size() == 1);
			}
			assertThat(published(leftOpen)).isEmpty();
			assertThatExceptionOfType(ProducerFencedException.class).as("the crashed instance's producer was fenced")
				.isThrownBy(crashed::commitTransaction);
		}
	}

	/**
	 * Another producer took a transactional id of this instance, as a second instance given the same
	 * {@code GOALPOST_INSTANCE_ID} does: the request is refused with 503, and the log says what to check.
	 */
	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void anInstanceWhoseTransactionalIdAnotherProducerTookSaysSo(CapturedOutput output) {
		String instance = "shared-" + System.nanoTime();
		String csv = "region,indicator,year,kind,value,sentence\nchongqing,tech_smes,2023,target,45000,shared\n";
		try (ConfigurableApplicationContext ingest = start(IngestApplication.builder(), "--goalpost.instance-id=" + instance)) {
			ServiceClient client = ServiceClient.onPort(ingest.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
			assertThat(client.post("/api/v1/figures", CSV, csv).statusCode()).isEqualTo(202);
			try (KafkaProducer<String, byte[]> other = producer("ingest-" + instance + "-0")) {
				other.initTransactions();
			}

			HttpResponse<String> refused = client.post("/api/v1/figures", CSV, csv);
			assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
			assertThat(output).contains("transactional ids (ingest-" + instance + "-<n>)", "GOALPOST_INSTANCE_ID");
		}
	}

	/** Docker keeps a container's hostname when it starts the container again, and gives each replica its own. */
	@Test
	void inComposeTheInstanceIsNamedByItsContainersHostname() {
		try (ConfigurableApplicationContext container = start(IngestApplication.builder().profiles("compose"),
				"--HOSTNAME=4f2c9e1ab7d3")) {
			assertThat(container.getBean(ProducerFactory.class).getTransactionIdPrefix()).isEqualTo("ingest-4f2c9e1ab7d3-");
		}
	}

	/** A producer with {@code transactionalId}, whose transactions the broker would keep open for five minutes. */
	private static KafkaProducer<String, byte[]> producer(String transactionalId) {
		return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafka().bootstrapServers(),
				ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId, ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 300_000),
				new StringSerializer(), new ByteArraySerializer());
	}

	/** Another ingest-service on the test broker, publishing to this class's topic. */
	private ConfigurableApplicationContext start(SpringApplicationBuilder ingest, String... args) {
		return ingest.run(Stream.concat(Stream.of("--server.port=0",
				"--spring.kafka.bootstrap-servers=" + Infrastructure.kafka().bootstrapServers(),
				"--goalpost.topics.figures=" + figuresTopic, "--goalpost.security.api-keys=" + ServiceClient.TEST_API_KEY),
				Stream.of(args)).toArray(String[]::new));
	}

	private static FigureReported figure(String sentence) {
		return new FigureReported(UUID.randomUUID(), "chongqing", "tech_smes", 2022, FigureKind.TARGET, Comparator.GTE,
				new BigDecimal(40000), "count", null, Source.UNKNOWN, sentence, Instant.now());
	}

}
