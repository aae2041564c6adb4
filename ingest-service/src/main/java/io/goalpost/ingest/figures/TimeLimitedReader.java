package io.goalpost.ingest.figures;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.time.Duration;

/**
 * A body that must have arrived within a time limit: a read after it fails. It bounds a client that sends slowly;
 * one that stops sending altogether is ended by Tomcat's read timeout ({@link UploadIdleTimeout}), since a read
 * that waits is never checked here.
 */
final class TimeLimitedReader extends FilterReader {

	private final Duration limit;

	private final long deadline;

	TimeLimitedReader(Reader in, Duration limit) {
		super(in);
		this.limit = limit;
		this.deadline = System.nanoTime() + limit.toNanos();
	}

	@Override
	public int read() throws IOException {
		check();
		return super.read();
	}

	@Override
	public int read(char[] buffer, int offset, int length) throws IOException {
		check();
		return super.read(buffer, offset, length);
	}

	private void check() throws UploadTooSlowException {
		if (System.nanoTime() - deadline > 0) {
			throw new UploadTooSlowException(limit);
		}
	}

}
