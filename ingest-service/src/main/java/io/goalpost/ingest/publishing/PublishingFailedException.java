package io.goalpost.ingest.publishing;

/** Kafka could not take the figures in time; the transaction was aborted, so none of them was published. */
public class PublishingFailedException extends RuntimeException {

	PublishingFailedException(String message, Throwable cause) {
		super(message, cause);
	}

}
