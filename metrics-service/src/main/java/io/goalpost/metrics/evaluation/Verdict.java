package io.goalpost.metrics.evaluation;

import java.math.BigDecimal;

/** How a series stands: not yet comparable, target met, or target missed by a shortfall. */
public sealed interface Verdict {

	Verdict PENDING = new Pending();

	/** The database's name for this kind of verdict. */
	String name();

	/** The verdict a series was stored with: its {@link #name()} and shortfall. */
	static Verdict of(String name, BigDecimal shortfall) {
		return switch (name) {
			case "MET" -> new Met(shortfall);
			case "MISSED" -> new Missed(shortfall);
			default -> PENDING;
		};
	}

	/** How far the actual is from the target in the better direction; positive means short of it. */
	BigDecimal shortfall();

	record Pending() implements Verdict {

		@Override
		public String name() {
			return "PENDING";
		}

		@Override
		public BigDecimal shortfall() {
			return null;
		}

	}

	record Met(BigDecimal shortfall) implements Verdict {

		@Override
		public String name() {
			return "MET";
		}

	}

	record Missed(BigDecimal shortfall) implements Verdict {

		@Override
		public String name() {
			return "MISSED";
		}

	}

}
