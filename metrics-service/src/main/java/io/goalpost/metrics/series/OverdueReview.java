package io.goalpost.metrics.series;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Time alone makes an actual overdue, with no figure arriving to say so: every sweep interval, the series
 * whose year ended long enough ago without an actual are reviewed.
 */
@Component
class OverdueReview {

	private static final int BATCH = 500;

	private final SeriesUpdater updater;

	OverdueReview(SeriesUpdater updater) {
		this.updater = updater;
	}

	@Scheduled(fixedDelayString = "${goalpost.alerts.sweep-interval:1m}", initialDelayString = "${goalpost.alerts.sweep-interval:1m}")
	void review() {
		while (updater.reviewOverdue(BATCH) == BATCH) {
			// the next batch: a series reviewed now has its alert and is not selected again
		}
	}

}
