package io.goalpost.support.web;

import org.apache.tomcat.util.http.InvalidParameterException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Tomcat parses parameters when the first is asked for, and throws when it cannot: the client's fault, a 400,
 * not a servlet failure logged at ERROR with the parameter's value in it.
 */
@RestControllerAdvice
class InvalidParameterProblems {

	@ExceptionHandler
	ProblemDetail invalidParameters(InvalidParameterException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request's parameters could not be read: one is not valid percent-encoding, or there are too many.");
		problem.setTitle("Unreadable parameters");
		return problem;
	}

}
