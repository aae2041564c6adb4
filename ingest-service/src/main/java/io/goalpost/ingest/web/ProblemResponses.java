package io.goalpost.ingest.web;

import java.io.UncheckedIOException;
import java.util.List;

import io.goalpost.ingest.figures.CsvFormatException;
import io.goalpost.ingest.figures.FieldError;
import io.goalpost.ingest.figures.InvalidFiguresException;
import io.goalpost.ingest.figures.UploadTooSlowException;
import io.goalpost.ingest.publishing.PublishingFailedException;
import io.goalpost.support.security.BodySizeLimitFilter;
import io.goalpost.support.web.Unavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as RFC 9457 problem+json: what was wrong, and for invalid figures which field of which one.
 * Request bodies are never echoed into logs.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

	@ExceptionHandler
	ProblemDetail invalidFigures(InvalidFiguresException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
				"The figures break the catalogue's rules; nothing was published.");
		problem.setTitle("Invalid figures");
		problem.setProperty("errors", ex.errors());
		if (ex.total() > ex.errors().size()) {
			problem.setProperty("errorCount", ex.total());
		}
		return problem;
	}

	@ExceptionHandler
	ProblemDetail unreadableCsv(CsvFormatException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The body is not CSV of figures; nothing was published. " + ex.getMessage());
		problem.setTitle("Unreadable request body");
		problem.setProperty("errors", List.of(new FieldError(ex.row(), null, ex.getMessage())));
		return problem;
	}

	/** A streamed body that broke off or grew too large while it was read. */
	@ExceptionHandler
	ProblemDetail unreadableStream(UncheckedIOException ex) {
		if (ex.getCause() instanceof BodySizeLimitFilter.BodyTooLargeException tooLarge) {
			return tooLarge(tooLarge.getMessage() + " Nothing was published.");
		}
		if (ex.getCause() instanceof UploadTooSlowException tooSlow) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.REQUEST_TIMEOUT, tooSlow.getMessage());
			problem.setTitle("Request body too slow");
			return problem;
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The body could not be read to its end; nothing was published.");
		problem.setTitle("Unreadable request body");
		return problem;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> publishingFailed(PublishingFailedException ex) {
		log.warn("Publishing failed: {}", ex.getMessage());
		return Unavailable.problem("Event broker unavailable",
				"Kafka did not take the figures; nothing of this request was published. Retry later.");
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Throwable tooLarge = ex.getMostSpecificCause();
		if (tooLarge instanceof BodySizeLimitFilter.BodyTooLargeException) {
			return handleExceptionInternal(ex, tooLarge(tooLarge.getMessage()), headers, HttpStatus.CONTENT_TOO_LARGE, request);
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, describe(ex));
		problem.setTitle("Unreadable request body");
		if (ex.getCause() instanceof DatabindException databind && !databind.getPath().isEmpty()) {
			problem.setProperty("errors", List.of(new FieldError(path(databind), "has the wrong type or format")));
		}
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	/** A body that grew past its limit while it was read (one over it by Content-Length never gets here). */
	private static ProblemDetail tooLarge(String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, detail);
		problem.setTitle("Request body too large");
		return problem;
	}

	private static String describe(HttpMessageNotReadableException ex) {
		if (ex.getCause() instanceof DatabindException databind && !databind.getPath().isEmpty()) {
			return "The field " + path(databind) + " could not be read: " + databind.getOriginalMessage();
		}
		if (ex.getCause() instanceof JacksonException jackson) {
			return "The body is not valid JSON: " + jackson.getOriginalMessage();
		}
		// Spring's "Required request body is missing" carries no cause; every failure to read one has it.
		if (ex.getCause() == null) {
			return "The request has no body.";
		}
		return "The body could not be read.";
	}

	private static String path(DatabindException ex) {
		StringBuilder path = new StringBuilder();
		ex.getPath().forEach((reference) -> {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		});
		return path.isEmpty() ? "$" : path.toString();
	}

}
