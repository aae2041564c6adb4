package io.goalpost.support.security;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every write under {@code /api/} needs a valid {@code X-Api-Key}: 401 without one, 403 with a wrong one;
 * reads too when {@code goalpost.security.open-reads=false}. Keys are compared as SHA-256 digests in
 * constant time and never logged.
 */
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class ApiKeyFilter extends OncePerRequestFilter {

	static final String HEADER = "X-Api-Key";

	/** The key the local and compose profiles accept unless GOALPOST_API_KEYS says otherwise; public by design. */
	static final String LOCAL_DEFAULT_KEY = "local-dev-key";

	private static final Logger log = LoggerFactory.getLogger(ApiKeyFilter.class);

	private final List<byte[]> keyDigests;

	private final boolean openReads;

	private final JsonMapper json;

	public ApiKeyFilter(ApiKeyProperties properties, JsonMapper json) {
		this.keyDigests = properties.apiKeys().stream().map(ApiKeyFilter::digest).toList();
		this.openReads = properties.openReads();
		this.json = json;
		if (keyDigests.isEmpty()) {
			log.warn("No API key is configured (GOALPOST_API_KEYS): every write will be refused with 401.");
		}
		else if (properties.apiKeys().contains(LOCAL_DEFAULT_KEY)) {
			log.warn("Writes accept the documented local default API key '{}': set GOALPOST_API_KEYS for anything shared.",
					LOCAL_DEFAULT_KEY);
		}
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())
				|| "OPTIONS".equals(request.getMethod());
		return !request.getRequestURI().startsWith("/api/") || (read && openReads);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String presented = request.getHeader(HEADER);
		if (presented == null || presented.isEmpty()) {
			log.info("Refused {} {} from {}: no API key", request.getMethod(), request.getRequestURI(), request.getRemoteAddr());
			reject(request, response, HttpStatus.UNAUTHORIZED, "This request needs an API key in the " + HEADER + " header.");
			return;
		}
		if (!isKnown(presented)) {
			// Never the key itself: a wrong key is often a right key for somewhere else.
			log.warn("Refused {} {} from {}: wrong API key", request.getMethod(), request.getRequestURI(), request.getRemoteAddr());
			reject(request, response, HttpStatus.FORBIDDEN, "The API key in the " + HEADER + " header is not valid.");
			return;
		}
		chain.doFilter(request, response);
	}

	private boolean isKnown(String presented) {
		byte[] digest = digest(presented);
		boolean known = false;
		for (byte[] key : keyDigests) {
			// No early exit: the time taken must not tell which key, or how much of one, matched.
			known |= MessageDigest.isEqual(digest, key);
		}
		return known;
	}

	private void reject(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
			throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setInstance(URI.create(request.getRequestURI()));
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		if (status == HttpStatus.UNAUTHORIZED) {
			response.setHeader("WWW-Authenticate", "ApiKey header=\"" + HEADER + "\"");
		}
		response.getOutputStream().write(json.writeValueAsBytes(problem));
	}

	private static byte[] digest(String key) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JVM has SHA-256", ex);
		}
	}

}
