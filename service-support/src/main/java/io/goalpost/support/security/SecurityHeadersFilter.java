package io.goalpost.support.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The headers that keep a browser from reading an answer as something it is not: no type sniffing, no framing,
 * no referrer sent to the source documents the dashboard links to, and a content security policy that lets
 * pages load only this origin's scripts, styles and data. Swagger UI, a page of springdoc's, keeps its own ways.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SecurityHeadersFilter extends OncePerRequestFilter {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; object-src 'none'; base-uri 'none'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		setHeaders(request.getRequestURI(), response);
		chain.doFilter(request, response);
	}

	/** Also for answers that no filter sees: those Tomcat gives to requests it refuses itself. */
	public static void setHeaders(String path, HttpServletResponse response) {
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("Referrer-Policy", "no-referrer");
		if (path == null || !path.startsWith("/swagger-ui")) {
			response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
		}
	}

}
