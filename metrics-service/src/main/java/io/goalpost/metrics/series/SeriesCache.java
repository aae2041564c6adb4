package io.goalpost.metrics.series;

import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.goalpost.metrics.ConsumerProperties;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The series the consumers hold between batches, by region and indicator. All years of one region's
 * indicator share a Kafka key, so only the consumer of that key's partition uses an entry, and it replaces the
 * entry only once its transaction has committed. Nothing here has to be current: a stale entry (another
 * instance had the partition for a while, a sweeper changed an alert) fails its version check when written,
 * and is read again.
 */
@Component
class SeriesCache {

	private final Map<RegionIndicator, HeldPair> pairs = new ConcurrentHashMap<>();

	private final AtomicInteger series = new AtomicInteger();

	private final int capacity;

	SeriesCache(ConsumerProperties properties) {
		this.capacity = properties.heldSeries();
	}

	HeldPair get(RegionIndicator pair) {
		return pairs.get(pair);
	}

	void put(Map<RegionIndicator, HeldPair> written) {
		written.forEach((pair, held) -> {
			HeldPair before = pairs.put(pair, held);
			series.addAndGet(held.years().size() - ((before != null) ? before.years().size() : 0));
		});
		// Beyond the bound, any entries go: they are read again when needed.
		for (Iterator<HeldPair> it = pairs.values().iterator(); series.get() > capacity && it.hasNext();) {
			series.addAndGet(-it.next().years().size());
			it.remove();
		}
	}

	/**
	 * Starts the use of these entries by the current transaction: what it {@linkplain Transaction#written writes}
	 * replaces them once it commits; if it rolls back, they are forgotten.
	 */
	Transaction begin(Collection<RegionIndicator> used) {
		Transaction transaction = new Transaction(List.copyOf(used));
		TransactionSynchronizationManager.registerSynchronization(transaction);
		return transaction;
	}

	/** The entries one transaction works on. */
	final class Transaction implements TransactionSynchronization {

		private final List<RegionIndicator> used;

		private Map<RegionIndicator, HeldPair> written;

		private Transaction(List<RegionIndicator> used) {
			this.used = used;
		}

		void written(Map<RegionIndicator, HeldPair> pairs) {
			this.written = pairs;
		}

		@Override
		public void afterCompletion(int status) {
			if (status == STATUS_COMMITTED && written != null) {
				put(written);
			}
			else {
				forget(used);
			}
		}

	}

	void forget(Collection<RegionIndicator> stale) {
		stale.forEach((pair) -> {
			HeldPair before = pairs.remove(pair);
			if (before != null) {
				series.addAndGet(-before.years().size());
			}
		});
	}

}
