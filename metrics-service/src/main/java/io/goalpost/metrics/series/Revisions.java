package io.goalpost.metrics.series;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * Every figure of a series year with whether it is the current one of its kind and why: the reader of a
 * timeline sees an estimate give way to a final figure, or a target raised mid-year, and the rule that chose.
 */
final class Revisions {

	private Revisions() {
	}

	/** @param history the figures of one series year, in publication order */
	static List<Revision> of(List<Figure> history, SeriesState state) {
		List<Revision> revisions = new ArrayList<>(history.size());
		for (Figure figure : history) {
			Figure current = "target".equals(figure.kind()) ? state.target() : state.actual();
			boolean isCurrent = current != null && current.eventId().equals(figure.eventId());
			revisions.add(new Revision(figure, isCurrent, isCurrent ? whyCurrent(figure, history) : whySuperseded(figure, current)));
		}
		return revisions;
	}

	private static String whyCurrent(Figure figure, List<Figure> history) {
		long rivals = history.stream().filter((f) -> f.kind().equals(figure.kind()) && !f.eventId().equals(figure.eventId())).count();
		if (rivals == 0) {
			return "the only " + figure.kind() + " received";
		}
		boolean sameDay = history.stream()
			.anyMatch((f) -> f.kind().equals(figure.kind()) && !f.eventId().equals(figure.eventId())
					&& f.publication().equals(figure.publication()));
		return "the " + figure.kind() + " of the latest publication (" + date(figure.publication()) + ")"
				+ ((sameDay && figure.status() != null) ? ", the most settled status in it (" + figure.status() + ")" : "")
				+ change(figure, history);
	}

	/** How the current figure differs from the one before it: a target raised or lowered, an actual revised. */
	private static String change(Figure figure, List<Figure> history) {
		Figure previous = null;
		for (Figure f : history) {
			if (f.eventId().equals(figure.eventId())) {
				break;
			}
			if (f.kind().equals(figure.kind())) {
				previous = f;
			}
		}
		if (previous == null || previous.value().compareTo(figure.value()) == 0) {
			return "";
		}
		String from = previous.value().toPlainString() + ((previous.status() != null) ? " (" + previous.status() + ")" : "");
		if (!"target".equals(figure.kind())) {
			return "; revised from " + from;
		}
		return ((previous.value().compareTo(figure.value()) < 0) ? "; raised from " : "; lowered from ") + from + ", published "
				+ date(previous.publication());
	}

	private static String whySuperseded(Figure figure, Figure current) {
		if (current == null) {
			return "not current";
		}
		if (!figure.publication().equals(current.publication())) {
			return "superseded by the " + current.kind() + " published " + date(current.publication());
		}
		if (!Objects.equals(figure.status(), current.status())) {
			return "superseded in the same publication by its " + current.status() + " figure";
		}
		if (!figure.reportedAt().equals(current.reportedAt())) {
			return "superseded by a later report of the same publication";
		}
		return "superseded: same publication and status, the later event id wins";
	}


	private static String date(Instant instant) {
		return instant.atZone(Figure.REPORTING_ZONE).toLocalDate().toString();
	}

	/** A figure of a series year, and whether and why it is the current one of its kind. */
	record Revision(@JsonUnwrapped Figure figure, boolean current, String why) {
	}

}
