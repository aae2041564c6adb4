package io.goalpost.metrics.web;

import io.goalpost.support.web.Unavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A query that cannot reach PostgreSQL is the server's trouble for a while, not a fault: 503 with a time to
 * retry after, as ingest answers when Kafka is away.
 */
@RestControllerAdvice
class DatabaseUnavailable {

	private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);

	@ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessResourceException.class })
	ResponseEntity<ProblemDetail> databaseUnavailable(DataAccessException ex) {
		log.warn("A query could not reach the database: {}", ex.getMostSpecificCause().getMessage());
		return Unavailable.problem("Database unavailable", "The database did not answer. Retry later.");
	}

}
