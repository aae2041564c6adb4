package io.goalpost.ingest.figures;

import java.time.Clock;

import io.goalpost.contract.IndicatorCatalogue;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CatalogueConfiguration {

	@Bean
	IndicatorCatalogue indicatorCatalogue() {
		return IndicatorCatalogue.standard();
	}

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

}
