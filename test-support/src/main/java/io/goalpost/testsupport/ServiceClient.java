package io.goalpost.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

/** Talks to a running Goalpost service over real HTTP, as a client would. */
public record ServiceClient(String baseUrl, String apiKey) {

	/** The key tests configure with {@code goalpost.security.api-keys}. */
	public static final String TEST_API_KEY = "test-key";

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	public static ServiceClient onPort(int port) {
		return new ServiceClient("http://localhost:" + port, TEST_API_KEY);
	}

	public ServiceClient withApiKey(String key) {
		return new ServiceClient(baseUrl, key);
	}

	public HttpResponse<String> post(String path, String contentType, String body) {
		return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/** A POST whose body is streamed in chunks, with no Content-Length, as a large upload is. */
	public HttpResponse<String> postStream(String path, String contentType, Supplier<InputStream> body) {
		return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofInputStream(body)));
	}

	public HttpResponse<String> postJson(String path, String json) {
		return post(path, "application/json", json);
	}

	public HttpResponse<String> get(String path) {
		return send(request(path).GET());
	}

	/** A GET that asks for a representation by {@code Accept}, as {@code text/csv}. */
	public HttpResponse<String> get(String path, String accept) {
		return send(request(path).header("Accept", accept).GET());
	}

	public HttpResponse<String> delete(String path) {
		return send(request(path).DELETE());
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60));
		if (apiKey != null) {
			request.header("X-Api-Key", apiKey);
		}
		return request;
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
