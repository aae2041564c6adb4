package io.goalpost.metrics.figures;

/** A record that no retry can make usable; it belongs on the dead-letter topic. */
class UnusableFigureException extends RuntimeException {

	UnusableFigureException(String message) {
		super(message);
	}

	UnusableFigureException(String message, Throwable cause) {
		super(message, cause);
	}

}
