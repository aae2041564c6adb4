package io.goalpost.metrics.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.goalpost.testsupport.Infrastructure;
import io.goalpost.testsupport.ServiceClient;
import io.goalpost.testsupport.TcpProxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Failures that no controller expects still answer as problem+json, and say no more than they should. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.config.name=metrics")
@Import(ErrorResponsesIntegrationTests.FailingController.class)
class ErrorResponsesIntegrationTests {

	private static final String SECRET = "jdbc:postgresql://db.internal/goalpost?password=hunter2";

	private static final Infrastructure.Database database = Infrastructure.postgres().newDatabase();

	private static final TcpProxy proxy = database.proxy();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		Infrastructure.register(registry, database.through(proxy));
	}

	@AfterAll
	static void closeProxy() {
		proxy.close();
	}

	@Test
	void anExceptionNoHandlerMapsIsA500ProblemThatKeepsItsMessage() {
		HttpResponse<String> response = ServiceClient.onPort(port).get("/test/failing");

		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"status\":500", "\"title\":\"Internal Server Error\"",
				"\"instance\":\"/test/failing\"");
		assertThat(response.body()).doesNotContain("hunter2", "IllegalStateException", "trace");
		assertThat(response.headers().firstValue("X-Content-Type-Options")).as("set before the failure").hasValue("nosniff");
	}

	@Test
	void aRequestTomcatRefusesItselfIsAProblemToo() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/series"))
				.header("X-Padding", "x".repeat(20_000))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).isEqualTo("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400}");
		assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
	}

	@Test
	void aParameterThatIsNotPercentEncodedUtf8IsA400Problem() {
		HttpResponse<String> response = ServiceClient.onPort(port).get("/api/v1/series?region=%ff");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("\"title\":\"Unreadable parameters\"");
	}

	@Test
	void aQueryWhileTheDatabaseIsAwayIsA503ProblemUntilItIsBack() {
		ServiceClient metrics = ServiceClient.onPort(port);
		assertThat(metrics.get("/api/v1/series").statusCode()).isEqualTo(200);

		proxy.cut();
		try {
			HttpResponse<String> away = metrics.get("/api/v1/series");
			assertThat(away.statusCode()).isEqualTo(503);
			assertThat(away.headers().firstValue("Content-Type")).hasValueSatisfying(
					(type) -> assertThat(type).startsWith("application/problem+json"));
			assertThat(away.headers().firstValue("Retry-After")).hasValue("5");
			assertThat(away.body()).contains("\"title\":\"Database unavailable\"").doesNotContain("jdbc:");
		}
		finally {
			proxy.restore();
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> metrics.get("/api/v1/series").statusCode() == 200);
	}

	@RestController
	static class FailingController {

		@GetMapping("/test/failing")
		String fail() {
			throw new IllegalStateException("Could not reach " + SECRET);
		}

	}

}
