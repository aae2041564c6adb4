package io.goalpost.localstack;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Keeps a second local stack off a data folder in use. A second broker on the same folder writes to the
 * running one's metadata log before it finds its ports taken, and the running broker then spins on that log.
 */
final class DataDirLock implements AutoCloseable {

	private final FileChannel channel;

	private final FileLock lock;

	DataDirLock(Path data) throws IOException {
		Files.createDirectories(data);
		this.channel = FileChannel.open(data.resolve(".goalpost.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
		FileLock held;
		try {
			held = this.channel.tryLock();
		}
		catch (OverlappingFileLockException ex) {
			held = null;
		}
		if (held == null) {
			this.channel.close();
			throw new IllegalStateException("Another Goalpost is running with its data in " + data
					+ ": stop it first, or set GOALPOST_DATA_DIR to another folder");
		}
		this.lock = held;
	}

	@Override
	public void close() throws IOException {
		this.lock.release();
		this.channel.close();
	}

}
