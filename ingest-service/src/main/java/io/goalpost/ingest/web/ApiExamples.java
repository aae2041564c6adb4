package io.goalpost.ingest.web;

/**
 * Request examples for the OpenAPI document, taken from the seed corpus: the Chongqing report of January
 * 2022 ({@code ../shared/corpus/seeds/000_467607316e7e62d4.txt}) and the figures expected from it.
 */
public final class ApiExamples {

	public static final String TARGET = """
			{"region":"chongqing","indicator":"high_tech_enterprises","year":2022,"kind":"target","comparator":"gt",
			 "value":5500,"unit":"count",
			 "source":{"title":"重庆：三方面协同 更大力度推动科技创新","publishedAt":"2022-01-18"},
			 "sentence":"力争国家级“专精特新”小巨人企业达到140家、高新技术企业突破5500家、科技型企业突破4万家，全社会研发经费支出占比提高到2.3%左右。"}
			""";

	public static final String BATCH = """
			[{"region":"chongqing","indicator":"rd_intensity","year":2022,"kind":"target","comparator":"approx","value":2.3,
			  "source":{"publishedAt":"2022-01-18"}},
			 {"region":"chongqing","indicator":"high_tech_enterprises","year":2021,"kind":"actual","value":5108,
			  "source":{"publishedAt":"2022-01-18"},
			  "sentence":"国家级“专精特新”小巨人企业、高新技术企业、科技型企业分别达到118家、5108家、3.69万家"},
			 {"region":"chongqing","indicator":"tech_smes","year":2021,"kind":"actual","value":36900,
			  "source":{"publishedAt":"2022-01-18"}}]
			""";

	public static final String CSV = """
			region,indicator,year,kind,comparator,value,source.publishedAt,sentence
			chongqing,high_tech_enterprises,2022,target,gt,5500,2022-01-18,"高新技术企业突破5500家"
			chongqing,tech_smes,2022,target,gt,40000,2022-01-18,"科技型企业突破4万家"
			chongqing,little_giants,2021,actual,,118,2022-01-18,
			""";

	public static final String DOCUMENT_TEXT = """
			重庆：三方面协同 更大力度推动科技创新
			2022-01-18
			在壮大创新主体方面，国家级“专精特新”小巨人企业、高新技术企业、科技型企业分别达到118家、5108家、3.69万家。
			将启动科技型中小企业创新发展行动计划，力争国家级“专精特新”小巨人企业达到140家、高新技术企业突破5500家、科技型企业突破4万家，全社会研发经费支出占比提高到2.3%左右。
			""";

	public static final String DOCUMENT_JSON = """
			{"text":"将启动科技型中小企业创新发展行动计划，力争国家级“专精特新”小巨人企业达到140家、高新技术企业突破5500家、科技型企业突破4万家，全社会研发经费支出占比提高到2.3%左右。",
			 "title":"重庆：三方面协同 更大力度推动科技创新","publishedAt":"2022-01-18","region":"chongqing"}
			""";

	private ApiExamples() {
	}

}
