package io.goalpost.ingest.publishing;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.goalpost.contract.FigureReported;
import io.goalpost.ingest.IngestIntegrationTest;
import io.goalpost.testsupport.Infrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;
import org.junit.jupiter.api.Test;

import static io.goalpost.testsupport.Waits.THROUGH_KAFKA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Figures reach the broker in compressed batches and are stored so: the topic's log grows by less than their
 * JSON alone, where uncompressed records (headers, keys and batch framing besides) would grow it by more.
 */
class CompressedBatchesIntegrationTests extends IngestIntegrationTest {

	@Test
	void theTopicGrowsByLessThanTheFiguresPublished() throws Exception {
		String marker = "compressed-" + System.nanoTime();
		String rows = IntStream.range(0, 200)
			.mapToObj((i) -> "chongqing,tech_smes,2022,actual," + (36_000 + i) + "," + marker + "-" + i)
			.collect(Collectors.joining("\n"));
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafka().bootstrapServers()))) {
			long before = logBytes(admin);

			HttpResponse<String> response = ingest.post("/api/v1/figures", CSV, "region,indicator,year,kind,value,sentence\n" + rows);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
			List<FigureReported> figures = await().atMost(THROUGH_KAFKA).until(() -> published(marker), (found) -> found.size() == 200);

			long json = withIds(figures.stream().map((figure) -> figure.eventId().toString()).toList()).stream()
				.mapToLong((record) -> record.value().length)
				.sum();
			long grown = logBytes(admin) - before;
			assertThat(grown).as("bytes the log grew by, for %,d bytes of JSON", json).isPositive().isLessThan(json / 2);
		}
	}

	/** The size of this context's figures topic in the broker's log directories, every partition. */
	private long logBytes(Admin admin) throws Exception {
		List<Integer> brokers = admin.describeCluster().nodes().get().stream().map(Node::id).toList();
		return admin.describeLogDirs(brokers).allDescriptions().get().values().stream()
			.flatMap((dirs) -> dirs.values().stream())
			.flatMap((dir) -> dir.replicaInfos().entrySet().stream())
			.filter((replica) -> replica.getKey().topic().equals(figuresTopic))
			.mapToLong((replica) -> replica.getValue().size())
			.sum();
	}

}
