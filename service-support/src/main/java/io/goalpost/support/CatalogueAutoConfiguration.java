package io.goalpost.support;

import java.time.Clock;

import io.goalpost.contract.IndicatorCatalogue;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The indicator catalogue and the clock, the same in both services. */
@AutoConfiguration
public class CatalogueAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	IndicatorCatalogue indicatorCatalogue() {
		return IndicatorCatalogue.standard();
	}

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

}
