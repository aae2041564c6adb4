package io.goalpost.support.security;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over the limit with 413: at once when Content-Length says so, and while reading
 * when a chunked body grows past it ({@link BodyTooLargeException}, which the services answer with 413).
 * CSV bodies, which are read as they arrive rather than held whole, have a limit of their own.
 */
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
public class BodySizeLimitFilter extends OncePerRequestFilter {

	private final Limit limit;

	private final Limit csvLimit;

	private final JsonMapper json;

	public BodySizeLimitFilter(long limit, long csvLimit, JsonMapper json) {
		this.limit = new Limit(limit, "goalpost.http.max-body-size");
		this.csvLimit = new Limit(csvLimit, "goalpost.http.max-csv-body-size");
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String type = request.getContentType();
		Limit limit = (type != null && type.regionMatches(true, 0, "text/csv", 0, 8)) ? csvLimit : this.limit;
		if (request.getContentLengthLong() > limit.bytes()) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, limit.message());
			problem.setInstance(URI.create(request.getRequestURI()));
			response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setHeader("Connection", "close");
			response.getOutputStream().write(json.writeValueAsBytes(problem));
			return;
		}
		chain.doFilter(new LimitedRequest(request, limit), response);
	}

	private record Limit(long bytes, String property) {

		String message() {
			return "The request body is larger than " + bytes + " bytes, the most this service reads (" + property + ").";
		}

	}

	/** A chunked body that grew past the limit while it was read. */
	public static class BodyTooLargeException extends IOException {

		BodyTooLargeException(Limit limit) {
			super(limit.message());
		}

	}

	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private final Limit limit;

		private ServletInputStream stream;

		LimitedRequest(HttpServletRequest request, Limit limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (stream == null) {
				stream = new LimitedStream(super.getInputStream(), limit);
			}
			return stream;
		}

	}

	private static final class LimitedStream extends ServletInputStream {

		private final ServletInputStream in;

		private final Limit limit;

		private long read;

		LimitedStream(ServletInputStream in, Limit limit) {
			this.in = in;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = in.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = in.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws BodyTooLargeException {
			read += n;
			if (read > limit.bytes()) {
				throw new BodyTooLargeException(limit);
			}
		}

		@Override
		public boolean isFinished() {
			return in.isFinished();
		}

		@Override
		public boolean isReady() {
			return in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			in.setReadListener(listener);
		}

	}

}
