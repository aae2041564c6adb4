package io.goalpost.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.goalpost.contract.Topics;
import io.goalpost.ingest.IngestApplication;
import io.goalpost.metrics.MetricsApplication;
import io.goalpost.testsupport.Infrastructure;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No Docker engine runs where these tests run, so docker-compose.yml cannot be started here. What can be
 * checked is: it parses, and its images, ports, topics, profiles and defaults agree with the code.
 */
class ComposeFileTests {

	private static final YAMLMapper yaml = new YAMLMapper();

	private final JsonNode services = yaml
		.readTree(Path.of(System.getProperty("goalpost.root", ".."), "docker-compose.yml").toFile())
		.get("services");

	@Test
	void usesTheImagesTheTestsUse() {
		assertThat(services.at("/kafka/image").asString()).isEqualTo(Infrastructure.KAFKA_IMAGE);
		assertThat(services.at("/kafka-topics/image").asString()).isEqualTo(Infrastructure.KAFKA_IMAGE);
		assertThat(services.at("/postgres/image").asString()).isEqualTo(Infrastructure.POSTGRES_IMAGE);
	}

	@Test
	void publishesEachServiceOnItsConfiguredPort() throws IOException {
		String ingestPort = defaultPort(IngestApplication.CONFIG_NAME, "INGEST_PORT");
		String metricsPort = defaultPort(MetricsApplication.CONFIG_NAME, "METRICS_PORT");
		assertThat(services.at("/ingest-service/ports/0").asString()).isEqualTo(ingestPort + ":" + ingestPort);
		assertThat(services.at("/ingest-service/environment/INGEST_PORT").asString()).isEqualTo(ingestPort);
		assertThat(services.at("/metrics-service/ports/0").asString()).isEqualTo(metricsPort + ":" + metricsPort);
		assertThat(services.at("/metrics-service/environment/METRICS_PORT").asString()).isEqualTo(metricsPort);
	}

	@Test
	void createsEveryTopicAndPointsBothServicesAtTheInternalListener() {
		String command = services.at("/kafka-topics/command/0").asString();
		assertThat(command).contains(Topics.FIGURES + " ", Topics.FIGURES + "-dlt", Topics.ALERTS);
		assertThat(services.at("/kafka/environment/KAFKA_ADVERTISED_LISTENERS").asString()).contains("INTERNAL://kafka:19092");
		assertThat(services.at("/ingest-service/environment/KAFKA_BOOTSTRAP_SERVERS").asString()).isEqualTo("kafka:19092");
		assertThat(services.at("/metrics-service/environment/KAFKA_BOOTSTRAP_SERVERS").asString()).isEqualTo("kafka:19092");
	}

	@Test
	void givesMetricsServiceTheComposeDatabaseAndIngestTheDocumentedKeyDefault() {
		JsonNode postgres = services.at("/postgres/environment");
		JsonNode metrics = services.at("/metrics-service/environment");
		assertThat(metrics.get("GOALPOST_DB_URL").asString())
			.isEqualTo("jdbc:postgresql://postgres:5432/" + postgres.get("POSTGRES_DB").asString());
		assertThat(metrics.get("GOALPOST_DB_USER").asString()).isEqualTo(postgres.get("POSTGRES_USER").asString());
		assertThat(metrics.get("GOALPOST_DB_PASSWORD").asString()).isEqualTo(postgres.get("POSTGRES_PASSWORD").asString());
		assertThat(services.at("/ingest-service/environment/GOALPOST_API_KEYS").asString())
			.isEqualTo("${GOALPOST_API_KEYS:-local-dev-key}");
		assertThat(services.at("/ingest-service/environment/SPRING_PROFILES_ACTIVE").asString()).isEqualTo("compose");
	}

	@Test
	void startsServicesOnlyOnceWhatTheyNeedIsHealthy() {
		assertThat(services.at("/metrics-service/depends_on/postgres/condition").asString()).isEqualTo("service_healthy");
		assertThat(services.at("/metrics-service/depends_on/kafka-topics/condition").asString())
			.isEqualTo("service_completed_successfully");
		assertThat(services.at("/kafka-topics/depends_on/kafka/condition").asString()).isEqualTo("service_healthy");
		services.properties().forEach((service) -> {
			if (!service.getKey().equals("kafka-topics")) {
				assertThat(service.getValue().has("healthcheck")).as(service.getKey() + " has a healthcheck").isTrue();
			}
		});
	}

	private static String defaultPort(String configName, String variable) throws IOException {
		try (InputStream in = ComposeFileTests.class.getResourceAsStream("/" + configName + ".yml")) {
			// The first YAML document holds the defaults; later ones are profiles.
			JsonNode defaults = yaml.readerFor(JsonNode.class).<JsonNode>readValues(in).next();
			String port = defaults.at("/server/port").asString();
			Matcher matcher = Pattern.compile("\\$\\{" + variable + ":(\\d+)}").matcher(port);
			assertThat(matcher.matches()).as(configName + ".yml server.port " + port).isTrue();
			return matcher.group(1);
		}
	}

}
