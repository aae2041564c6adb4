package io.goalpost.ingest.figures;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.goalpost.ingest.IngestIntegrationTest;
import io.goalpost.testsupport.ServiceClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A CSV upload that takes longer than {@code goalpost.ingest.csv-upload-time-limit} to arrive, or pauses for longer
 * than {@code goalpost.ingest.upload-idle-timeout}, is refused, and its transaction, which holds back every reader of
 * committed records on its partitions, ends with it.
 */
@TestPropertySource(properties = { "goalpost.ingest.csv-upload-time-limit=2s", "goalpost.ingest.upload-idle-timeout=1s" })
class SlowCsvUploadIntegrationTests extends IngestIntegrationTest {

	/** Rows at 5 a second: 4 s for the file, twice the limit, and no pause as long as the idle timeout. */
	private static final int ROWS = 20;

	private final ScheduledExecutorService slowClient = Executors.newSingleThreadScheduledExecutor();

	@AfterEach
	void stopClient() {
		slowClient.shutdownNow();
	}

	@Test
	void refusesABodyStillArrivingAfterTheLimitAndPublishesNoneOfIt() {
		String marker = "csv-slow-" + System.nanoTime();
		HttpResponse<String> response = ingest.postStream("/api/v1/figures", CSV, () -> trickle(marker));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(408);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(json.readTree(response.body()).get("detail").asString())
			.contains("goalpost.ingest.csv-upload-time-limit").contains("nothing of it was published");

		assertNothingPublishedBefore("chongqing,gdp,2020,actual,25000", marker);
	}

	@Test
	void refusesABodyThatStopsArrivingAndPublishesNoneOfIt() throws IOException {
		String marker = "csv-stalled-" + System.nanoTime();
		try (Socket client = new Socket("localhost", port())) {
			client.setSoTimeout((int) Duration.ofSeconds(30).toMillis());
			String chunk = "region,indicator,year,kind,value,sentence\nchongqing,gdp,2001,actual,1," + marker + "\n";
			OutputStream out = client.getOutputStream();
			out.write(("POST /api/v1/figures HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + CSV + "\r\nX-Api-Key: "
					+ ServiceClient.TEST_API_KEY + "\r\nTransfer-Encoding: chunked\r\n\r\n"
					+ Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n").getBytes(StandardCharsets.UTF_8));
			out.flush();

			// The answer closes the connection, which ends the read.
			String answer = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(answer).startsWith("HTTP/1.1 408 ")
				.contains("Content-Type: application/problem+json")
				.contains("stopped arriving");
		}

		assertNothingPublishedBefore("chongqing,gdp,2020,actual,25000", marker);
	}

	/** The header at once, then a row every 200 ms, as a client on a slow link sends them. */
	private InputStream trickle(String marker) {
		BlockingQueue<byte[]> blocks = new LinkedBlockingQueue<>();
		blocks.add("region,indicator,year,kind,value,sentence\n".getBytes(StandardCharsets.UTF_8));
		AtomicInteger row = new AtomicInteger();
		slowClient.scheduleAtFixedRate(() -> {
			int r = row.getAndIncrement();
			blocks.add((r < ROWS) ? ("chongqing,gdp," + (2000 + r) + ",actual,1," + marker + "-" + r + "\n").getBytes(StandardCharsets.UTF_8)
					: new byte[0]);
		}, 200, 200, TimeUnit.MILLISECONDS);
		return new InputStream() {

			private byte[] block = new byte[0];

			private int at;

			private boolean ended;

			@Override
			public int read() {
				byte[] one = new byte[1];
				return (read(one, 0, 1) < 0) ? -1 : one[0] & 0xff;
			}

			@Override
			public int read(byte[] buffer, int offset, int length) {
				if (at == block.length) {
					if (ended) {
						return -1;
					}
					try {
						block = blocks.take();
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						return -1;
					}
					at = 0;
					if (block.length == 0) {
						ended = true;
						return -1;
					}
				}
				int n = Math.min(length, block.length - at);
				System.arraycopy(block, at, buffer, offset, n);
				at += n;
				return n;
			}

		};
	}

}
