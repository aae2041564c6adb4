package io.goalpost.support.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** The answer when a service the request needs (Kafka, PostgreSQL) is away: 503, and when to try again. */
public final class Unavailable {

	/** How long a client should wait before retrying: about what a broker or database restart takes. */
	public static final String RETRY_AFTER_SECONDS = "5";

	private Unavailable() {
	}

	public static ResponseEntity<ProblemDetail> problem(String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
		problem.setTitle(title);
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
			// Set, not negotiated: the request may have asked for what the refused answer would have been (an event stream).
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

}
