package io.goalpost.metrics.alerts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How one matcher of a silence reads a label, as Alertmanager does. */
class SilenceMatcherTests {

	@Test
	void aRegularExpressionMatchesTheWholeValue() {
		Silence.Matcher tech = new Silence.Matcher("indicator", "tech_.*", true, null);

		assertThat(tech.matches("tech_smes")).isTrue();
		assertThat(tech.matches("high_tech_enterprises")).as("not a search").isFalse();
		assertThat(new Silence.Matcher("indicator", "tech_.*", true, false).matches("high_tech_enterprises")).isTrue();
		assertThat(new Silence.Matcher("region", "", true, null).matches(null)).as("an absent label reads as empty").isTrue();
	}

	@Test
	void anExpressionOnlyJavasSyntaxAcceptsMatchesNothingInsteadOfFailing() {
		// Possessive quantifiers are Java's, not RE2's: a silence stored before RE2 may hold one.
		Silence.Matcher possessive = new Silence.Matcher("indicator", "tech_.*+", true, null);

		assertThat(possessive.matches("tech_smes")).isFalse();
		assertThat(new Silence.Matcher("indicator", "tech_.*+", true, false).matches("tech_smes")).isTrue();
	}

}
