package io.goalpost.support.web;

import java.net.URI;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.autoconfigure.error.AbstractErrorController;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The answer to every failure that no exception handler mapped: problem+json, like the mapped ones, in place
 * of Boot's own error JSON. It names the status and the path only; the exception, which may hold an address or
 * a statement, stays in the log that the servlet container writes.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
public class ProblemErrorController extends AbstractErrorController {

	public ProblemErrorController(ErrorAttributes errorAttributes) {
		super(errorAttributes);
	}

	@RequestMapping
	public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		HttpStatus status = getStatus(request);
		ProblemDetail problem = ProblemDetail.forStatus(status);
		if (status.is5xxServerError()) {
			problem.setDetail("The server failed to answer this request. The failure is in its log.");
		}
		else if (status == HttpStatus.REQUEST_TIMEOUT) {
			// Tomcat's own answer to a body that paused for longer than the connector allows.
			problem.setDetail("The request body stopped arriving before its end; nothing of the request was carried out.");
		}
		if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String path) {
			problem.setInstance(UriComponentsBuilder.fromPath(path).build().toUri());
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
