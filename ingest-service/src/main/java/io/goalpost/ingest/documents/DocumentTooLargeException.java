package io.goalpost.ingest.documents;

/** A document over {@code goalpost.ingest.max-document-size}; answered with 413. */
public class DocumentTooLargeException extends RuntimeException {

	DocumentTooLargeException(long size, long limit) {
		super("The document is " + size + " bytes; at most " + limit + " are read. Split it or raise goalpost.ingest.max-document-size.");
	}

}
