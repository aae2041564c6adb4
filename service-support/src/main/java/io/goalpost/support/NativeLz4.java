package io.goalpost.support;

import net.jpountz.lz4.LZ4Factory;
import net.jpountz.util.Native;

import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.context.ApplicationListener;

/**
 * Kafka's lz4 codec, native in the services as it is on a plain class path. Kafka compresses and decompresses lz4
 * batches with {@link LZ4Factory#fastestInstance()}, which takes lz4-java's native library only where lz4-java
 * was loaded by the system class loader, or where the library is loaded already. A Spring Boot executable jar
 * loads it with a class loader of its own, so the services fell back to lz4-java's Java code, which decompresses
 * a block of figures 8 times as slowly and compresses it 4 times as slowly (docs/benchmarks.md, "Runs 316–324").
 * Loaded here, as an application starts, before any Kafka client is made. Where the platform has no native
 * library, lz4-java's Java code stays, as before.
 */
public final class NativeLz4 implements ApplicationListener<ApplicationStartingEvent> {

	@Override
	public void onApplicationEvent(ApplicationStartingEvent event) {
		load();
	}

	/** @return whether Kafka's lz4 codec will be native */
	public static boolean load() {
		try {
			Native.load();
		}
		catch (RuntimeException | LinkageError ex) {
			// No library for this platform, none that loads, or no temporary directory to unpack it to: lz4-java's
			// Java code serves, slower but the same. Nothing here may keep a service from starting.
		}
		return Native.isLoaded();
	}

}
