package io.goalpost.metrics.alerts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * Holds back the publication of changes to the alerts whose labels all its matchers match, from
 * {@code startsAt} until {@code endsAt}; the alerts still change state and are stored. Matchers are read as
 * Alertmanager reads them: equal or not, to a value or to a whole-value regular expression in RE2's syntax,
 * matched in time linear in the value.
 */
public record Silence(UUID silenceId, List<Matcher> matchers, Instant startsAt, Instant endsAt, String comment,
		String createdBy, Instant createdAt) {

	public Silence {
		matchers = List.copyOf(matchers);
	}

	public Status status(Instant now) {
		return now.isBefore(startsAt) ? Status.PENDING : now.isBefore(endsAt) ? Status.ACTIVE : Status.EXPIRED;
	}

	boolean matches(Map<String, String> labels) {
		return matchers.stream().allMatch((matcher) -> matcher.matches(labels.get(matcher.name())));
	}

	public enum Status {
		PENDING, ACTIVE, EXPIRED
	}

	/**
	 * @param isRegex whether {@code value} is a regular expression that must match the whole label value
	 * @param isEqual whether the label must match ({@code true}, the default) or must not
	 */
	public record Matcher(String name, String value, Boolean isRegex, Boolean isEqual) {

		/**
		 * Each pattern compiled once, not at every match of every alert change: a pattern of a thousand characters
		 * takes about as long to compile as many matches. RE2's patterns are immutable and may be shared. Emptied when
		 * full, which only a churn of silences over many patterns does.
		 */
		private static final Map<String, Optional<Pattern>> COMPILED = new ConcurrentHashMap<>();

		private static final int MAX_COMPILED = 4096;

		public Matcher {
			isRegex = Boolean.TRUE.equals(isRegex);
			isEqual = !Boolean.FALSE.equals(isEqual);
		}

		boolean matches(String label) {
			String actual = (label != null) ? label : "";
			boolean matched = isRegex ? matchesWhole(actual) : value.equals(actual);
			return matched == isEqual;
		}

		private boolean matchesWhole(String actual) {
			if (COMPILED.size() >= MAX_COMPILED) {
				COMPILED.clear();
			}
			return COMPILED.computeIfAbsent(value, Matcher::compile).map((pattern) -> pattern.matches(actual)).orElse(false);
		}

		/**
		 * Stored before silences were read as RE2 (checked then as Java's syntax), a pattern matches nothing, rather
		 * than fail every batch that changes an alert.
		 */
		private static Optional<Pattern> compile(String regex) {
			try {
				return Optional.of(Pattern.compile(regex));
			}
			catch (PatternSyntaxException ex) {
				return Optional.empty();
			}
		}

	}

}
