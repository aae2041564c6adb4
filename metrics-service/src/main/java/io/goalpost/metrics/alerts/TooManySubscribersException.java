package io.goalpost.metrics.alerts;

/** An instance already streams alert changes to as many subscribers as it may ({@link AlertStream}). */
class TooManySubscribersException extends RuntimeException {

	TooManySubscribersException(int limit) {
		super("This instance streams alert changes to " + limit
				+ " subscribers, its limit (goalpost.alerts.stream-max-subscribers). Retry later.");
	}

}
