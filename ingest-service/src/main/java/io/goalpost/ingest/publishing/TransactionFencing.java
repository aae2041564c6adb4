package io.goalpost.ingest.publishing;

import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTransactionsOptions;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.TransactionIdSuffixStrategy;

/**
 * Ends at once a transaction that a failed producer or a crashed instance left open, rather than at the broker's
 * transaction timeout.
 * <p>
 * When an abort does not reach the broker in time, spring-kafka closes the producer without waiting, and its
 * transaction stays open on the broker until the producer's {@code transaction.timeout.ms} (60 s) and the sweep
 * after it. Until then a {@code read_committed} consumer, metrics-service, reads nothing past it on its partitions.
 * A producer that starts with the same {@code transactional.id} makes the broker abort it (Kafka's fencing of
 * zombies). So the id of every producer spring-kafka closes is started once more, on a thread of its own, before
 * another producer may take it. Besides a failure, spring-kafka closes its producers when the application context
 * is stopped, whose ids are then fenced too (needlessly, and harmlessly), and when it is closed, when none is. A
 * producer that could not start (no broker) gives its id back as well; its fencing is tried like any other, every
 * second until the transaction timeout has passed, and succeeds once the broker is back.
 * <p>
 * An instance that crashed closed nothing, and its ids are known only to an instance with the same prefix. With an
 * instance id kept across restarts ({@code goalpost.instance-id}: {@code GOALPOST_INSTANCE_ID}, or in compose the
 * container's hostname), an instance started again lists the broker's open transactions and fences those of its
 * prefix that it has not taken itself. Without one the prefix is random, nothing is listed, and such a transaction
 * ends at the broker's timeout.
 */
@Configuration(proxyBeanMethods = false)
class TransactionFencing {

	private static final Logger log = LoggerFactory.getLogger(TransactionFencing.class);

	/** Names the instance in its transactional ids (ingest.yml); without it they are random. */
	private static final String INSTANCE_ID = "goalpost.instance-id";

	@Bean
	FencingSuffixes fencingSuffixes() {
		return new FencingSuffixes();
	}

	@Bean
	DefaultKafkaProducerFactoryCustomizer fenceClosedProducers(FencingSuffixes suffixes, KafkaAdmin admin,
			Environment environment) {
		return (factory) -> {
			suffixes.configure(factory.getConfigurationProperties());
			factory.setTransactionIdSuffixStrategy(suffixes);
			// A random prefix is new to the broker: nothing of it can be open, and there is nothing to ask.
			if (environment.containsProperty(INSTANCE_ID)) {
				suffixes.fenceLeftOpen(factory.getTransactionIdPrefix(), admin.getConfigurationProperties());
			}
		};
	}

	/** Numbers producers from 0, reusing the number of a closed one once its id is fenced. */
	static final class FencingSuffixes implements TransactionIdSuffixStrategy, ApplicationListener<ContextClosedEvent> {

		private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

		private final AtomicInteger next = new AtomicInteger();

		private final Deque<String> fenced = new ConcurrentLinkedDeque<>();

		private final ScheduledExecutorService fencing = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("kafka-transaction-fencing").daemon().factory());

		private volatile Map<String, Object> configuration = Map.of();

		/** The producers' configuration, which the fencing producer takes with the id it fences. */
		void configure(Map<String, Object> producers) {
			configuration = producers;
		}

		@Override
		public String acquireSuffix(String prefix) {
			String suffix = fenced.pollFirst();
			return (suffix != null) ? suffix : String.valueOf(next.getAndIncrement());
		}

		@Override
		public void releaseSuffix(String prefix, String suffix) {
			attempt(prefix, suffix, giveUp(), 0);
		}

		/**
		 * Lists the broker's open transactions, on the fencing thread, and fences those of {@code prefix} that an
		 * earlier instance left open. Until the broker answers, for at most the transaction timeout, the thread
		 * waits; so do the fences of closed producers behind it, which could not reach the broker either.
		 */
		void fenceLeftOpen(String prefix, Map<String, Object> adminConfig) {
			onFencingThread(() -> listLeftOpen(prefix, adminConfig), 0);
		}

		private void listLeftOpen(String prefix, Map<String, Object> adminConfig) {
			Admin admin = Admin.create(adminConfig);
			try {
				Collection<TransactionListing> open = admin
					.listTransactions(new ListTransactionsOptions().filterStates(List.of(TransactionState.ONGOING))
						.timeoutMs((int) transactionTimeoutMs()))
					.all()
					.get();
				fenceLeftOpen(prefix, open.stream().map(TransactionListing::transactionalId).toList());
			}
			catch (ExecutionException ex) {
				log.warn("Could not list the broker's open transactions ({}); any that an earlier instance with the "
						+ "prefix {} left open ends at the broker's transaction timeout", ex.getCause().toString(), prefix);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			finally {
				admin.close(Duration.ZERO);
			}
		}

		/**
		 * Fences the ids of {@code prefix} among {@code open} that no producer of this instance has taken, and never
		 * hands their numbers out before. A number already taken needs nothing: its producer's start has aborted
		 * what the earlier instance left open.
		 */
		void fenceLeftOpen(String prefix, Collection<String> open) {
			List<Integer> left = open.stream()
				.filter((id) -> id.startsWith(prefix))
				.map((id) -> id.substring(prefix.length()))
				.filter((suffix) -> suffix.matches("[0-9]{1,9}"))
				.map(Integer::valueOf)
				.toList();
			if (left.isEmpty()) {
				return;
			}
			int highest = Collections.max(left);
			int taken = next.getAndUpdate((n) -> Math.max(n, highest + 1));
			long giveUp = giveUp();
			left.stream().filter((suffix) -> suffix >= taken).forEach((suffix) -> {
				log.info("Fencing the Kafka transactional id {}{} that an earlier instance left open", prefix, suffix);
				attempt(prefix, String.valueOf(suffix), giveUp, 0);
			});
		}

		/** When the broker must have ended by itself a transaction that is open now. */
		private long giveUp() {
			return System.nanoTime() + Duration.ofMillis(transactionTimeoutMs()).toNanos();
		}

		private void attempt(String prefix, String suffix, long giveUp, long delaySeconds) {
			onFencingThread(() -> fence(prefix, suffix, giveUp), delaySeconds);
		}

		private void onFencingThread(Runnable task, long delaySeconds) {
			try {
				fencing.schedule(task, delaySeconds, TimeUnit.SECONDS);
			}
			catch (RejectedExecutionException ex) {
				// The context is closing (shut down below): spring-kafka closes its producers, none of them failed,
				// and nothing more will be published with these ids.
			}
		}

		/** Tried every second until the broker answers, or until it must have ended the transaction by itself. */
		private void fence(String prefix, String suffix, long giveUp) {
			String id = prefix + suffix;
			if (System.nanoTime() - giveUp >= 0) {
				log.warn("Could not fence the Kafka transactional id {}; the broker has ended any transaction of it by now",
						id);
				fenced.addFirst(suffix);
				return;
			}
			Map<String, Object> config = new HashMap<>(configuration);
			config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, id);
			config.remove(ProducerConfig.CLIENT_ID_CONFIG);
			Producer<byte[], byte[]> producer = null;
			boolean done = false;
			try {
				producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
				producer.initTransactions();
				done = true;
			}
			catch (KafkaException ex) {
				log.debug("Fencing the Kafka transactional id {} failed; trying again in a second", id, ex);
			}
			finally {
				if (producer != null) {
					producer.close(CLOSE_TIMEOUT);
				}
			}
			// Given back only once closed: the next producer to take it has the same id, and the two must not be
			// open at once.
			if (done) {
				log.info("Fenced the Kafka transactional id {}: any transaction left open with it is aborted", id);
				fenced.addFirst(suffix);
			}
			else {
				attempt(prefix, suffix, giveUp, 1);
			}
		}

		private long transactionTimeoutMs() {
			return Long.parseLong(String.valueOf(configuration.getOrDefault(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 60_000)));
		}

		@Override
		public void onApplicationEvent(ContextClosedEvent event) {
			fencing.shutdownNow();
		}

	}

}
