package io.goalpost.contract;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IndicatorCatalogueTests {

	private final IndicatorCatalogue catalogue = IndicatorCatalogue.standard();

	@Test
	void holdsEveryCanonicalIndicatorOfTheCorpusReadme() {
		assertThat(catalogue.indicators()).extracting(Indicator::id)
			.containsExactlyInAnyOrder("rd_intensity", "rd_expenditure", "basic_research_share", "rd_personnel",
					"high_tech_enterprises", "tech_smes", "little_giants", "tech_contract_turnover",
					"high_value_patents_per_10k", "patents_per_10k", "star_market_listings",
					"sci_tech_service_revenue_growth", "tech_progress_contribution", "high_tech_share_of_industry",
					"gdp", "gdp_growth");
	}

	@Test
	void readsUnitsDirectionAndNamesInEveryScript() {
		Indicator rd = catalogue.indicator("rd_personnel").orElseThrow();
		assertThat(rd.unit()).isEqualTo(Unit.PERSONS);
		assertThat(rd.better()).isEqualTo(Indicator.Better.HIGHER);
		assertThat(rd.name("zh-Hans")).isEqualTo("研发人员");
		assertThat(rd.name("zh-Hant")).isEqualTo("研發人員");
		assertThat(rd.name("en")).isEqualTo("R&D personnel");
		assertThat(catalogue.indicator("tech_contract_turnover").orElseThrow().unit()).isEqualTo(Unit.CNY_100M);
	}

	@Test
	void knowsChongqingInBothScripts() {
		Region chongqing = catalogue.region("chongqing").orElseThrow();
		assertThat(chongqing.names()).containsEntry("zh-Hans", "重庆").containsEntry("zh-Hant", "重慶");
		assertThat(catalogue.region("atlantis")).isEmpty();
	}

}
