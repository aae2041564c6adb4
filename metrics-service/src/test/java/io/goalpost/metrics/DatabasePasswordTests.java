package io.goalpost.metrics;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The database password has a default only in the local and compose profiles, as the API key has: anywhere else
 * it comes from the environment.
 */
class DatabasePasswordTests {

	@Test
	void hasADefaultOnlyInTheLocalAndComposeProfiles() {
		assumeTrue(System.getenv("GOALPOST_DB_PASSWORD") == null, "GOALPOST_DB_PASSWORD is set here");
		assertThat(password()).isEmpty();
		assertThat(password("local")).isEqualTo("goalpost");
		assertThat(password("compose")).isEqualTo("goalpost");
	}

	/** The password metrics-service's configuration resolves to under these profiles; nothing is started. */
	private static String password(String... profiles) {
		AtomicReference<String> password = new AtomicReference<>();
		assertThatThrownBy(() -> MetricsApplication.builder().profiles(profiles).listeners((event) -> {
			if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
				password.set(prepared.getEnvironment().getProperty("spring.datasource.password"));
				throw new EnvironmentRead();
			}
		}).run()).isInstanceOf(EnvironmentRead.class);
		return password.get();
	}

	private static final class EnvironmentRead extends RuntimeException {

	}

}
