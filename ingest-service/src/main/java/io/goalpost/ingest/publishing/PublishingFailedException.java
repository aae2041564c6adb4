package io.goalpost.ingest.publishing;

/**
 * Kafka did not take the figures: not reachable in time, or it refused the producer. The transaction was aborted, so
 * none of them was published.
 */
public class PublishingFailedException extends RuntimeException {

	PublishingFailedException(String message, Throwable cause) {
		super(message, cause);
	}

}
