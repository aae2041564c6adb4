package io.goalpost.benchmarks;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import io.goalpost.contract.EventCodec;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Kafka's lz4 codec on a block of figure events, with lz4-java's native library and with its Java code: what
 * metrics-service decompresses for every batch it polls and ingest-service compresses for every batch it sends.
 * A Spring Boot executable jar got the Java code until the services loaded the library themselves (NativeLz4).
 * A block is what Kafka's lz4 frames hold, 64 KiB: about 150 of the pipeline harness's figures.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class Lz4Benchmark {

	static final int BLOCK = 64 * 1024;

	private final LZ4SafeDecompressor nativeDecompressor = LZ4Factory.nativeInstance().safeDecompressor();

	private final LZ4SafeDecompressor javaDecompressor = LZ4Factory.safeInstance().safeDecompressor();

	private final LZ4Compressor nativeCompressor = LZ4Factory.nativeInstance().fastCompressor();

	private final LZ4Compressor javaCompressor = LZ4Factory.safeInstance().fastCompressor();

	private final byte[] block = new byte[BLOCK];

	private final byte[] restored = new byte[BLOCK];

	private final byte[] out = new byte[nativeCompressor.maxCompressedLength(BLOCK)];

	private final byte[] compressed = new byte[out.length];

	private int compressedLength;

	@Setup
	public void block() {
		Workload workload = new Workload(10_000, 0.1);
		Instant now = Instant.parse("2026-12-02T04:05:06.789Z");
		ByteArrayOutputStream events = new ByteArrayOutputStream(2 * BLOCK);
		for (long n = 10_000; events.size() < BLOCK; n++) {
			events.writeBytes(EventCodec.write(workload.figure(n, now)));
		}
		System.arraycopy(events.toByteArray(), 0, block, 0, BLOCK);
		compressedLength = nativeCompressor.compress(block, 0, BLOCK, compressed, 0, compressed.length);
		if (javaDecompressor.decompress(compressed, 0, compressedLength, restored, 0, BLOCK) != BLOCK
				|| !Arrays.equals(block, restored)) {
			throw new IllegalStateException("lz4-java's Java code did not restore what its native library compressed");
		}
	}

	@Benchmark
	public int decompressNative() {
		return nativeDecompressor.decompress(compressed, 0, compressedLength, restored, 0, BLOCK);
	}

	@Benchmark
	public int decompressJava() {
		return javaDecompressor.decompress(compressed, 0, compressedLength, restored, 0, BLOCK);
	}

	@Benchmark
	public int compressNative() {
		return nativeCompressor.compress(block, 0, BLOCK, out, 0, out.length);
	}

	@Benchmark
	public int compressJava() {
		return javaCompressor.compress(block, 0, BLOCK, out, 0, out.length);
	}

}
