package io.goalpost.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import io.goalpost.contract.EventTypes;
import io.goalpost.support.CloudEventRecords;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The harness's subscriber to the alert changes topic: when each change arrived, by its event id, for the alert
 * latencies and for the check that every change came once. It can be paused while a phase measures throughput: on
 * two cores its fetches and decoding would be the measuring apparatus's load on the service under test, which the
 * limits beside it do not bear. Paused, it reads nothing; the broker keeps what it did not read, and it catches up
 * before anything it times.
 */
final class AlertReader implements AutoCloseable {

	private static final Duration POLL = Duration.ofMillis(20);

	private final Map<String, Instant> received = new ConcurrentHashMap<>();

	private final AtomicLong records = new AtomicLong();

	private final Thread thread;

	private volatile boolean wanted = true;

	private volatile boolean reading = true;

	private volatile boolean running = true;

	private volatile RuntimeException failure;

	AlertReader(String bootstrap, String topic) {
		this.thread = Thread.ofPlatform().name("bench-alert-reader").daemon().start(() -> read(bootstrap, topic));
	}

	/** When each alert change received so far arrived, by event id. */
	Map<String, Instant> received() {
		return received;
	}

	/** Stops fetching, and returns once the reader has. */
	void pause() throws Exception {
		wanted = false;
		awaitReading(false);
	}

	/**
	 * Fetches again, and returns once the reader has read as many records as the topic held when called.
	 * @param published how many records the topic holds, all partitions
	 * @return how many records it read to catch up
	 */
	long catchUp(Callable<Long> published, Duration limit) throws Exception {
		long before = records.get();
		wanted = true;
		awaitReading(true);
		long target = published.call();
		if (!until(limit, () -> records.get() >= target)) {
			throw new IllegalStateException("The alert reader read %,d of %,d records in %s".formatted(records.get(), target, limit));
		}
		return records.get() - before;
	}

	private void awaitReading(boolean state) throws Exception {
		if (!until(Duration.ofSeconds(30), () -> reading == state)) {
			throw new IllegalStateException("The alert reader did not " + (state ? "resume" : "pause") + " within 30 s");
		}
	}

	/** Whether {@code done} came true in time; throws at once if the reader failed or stopped. */
	private boolean until(Duration limit, BooleanSupplier done) throws Exception {
		return PipelineHarness.waitUntil(limit, () -> {
			check();
			return done.getAsBoolean();
		});
	}

	private void check() {
		if (failure != null) {
			throw failure;
		}
		if (!thread.isAlive()) {
			throw new IllegalStateException("The alert reader stopped");
		}
	}

	private void read(String bootstrap, String topic) {
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
				ConsumerConfig.GROUP_ID_CONFIG, topic, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
				new ByteArrayDeserializer())) {
			consumer.subscribe(List.of(topic));
			while (running) {
				boolean want = wanted;
				// Every time, not only on a change: a partition assigned while paused (none here: the reader is its group's
				// only member) is paused too.
				if (want) {
					consumer.resume(consumer.paused());
				}
				else {
					consumer.pause(consumer.assignment());
				}
				reading = want;
				for (var record : consumer.poll(POLL)) {
					received.putIfAbsent(CloudEventRecords.header(record, EventTypes.HEADER_ID), Instant.now());
					records.incrementAndGet();
				}
			}
		}
		catch (RuntimeException ex) {
			failure = ex;
		}
	}

	@Override
	public void close() throws InterruptedException {
		running = false;
		thread.join(TimeUnit.SECONDS.toMillis(10));
		if (failure != null) {
			throw failure;
		}
	}

}
