package io.goalpost.ingest.extraction;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.goalpost.contract.IndicatorCatalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentHeadTests {

	private static final Path SEEDS = Path.of(System.getProperty("goalpost.corpus", "../../shared/corpus"), "seeds");

	private final FigureExtractor extractor = new FigureExtractor(IndicatorCatalogue.standard());

	// Each page's headline as a reader finds it, past the site's navigation, hotline and edition lists; and its
	// publisher where a byline names one.
	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			000_467607316e7e62d4.txt | 重庆：三方面协同 更大力度推动科技创新                  | front matter                          |
			001_be53cfa65109a65f.txt | 深入推动创新发展 加快打造具有全国影响力的科创中心          | the line above the byline '发布时间: 2022-06-07  来源: 重庆日报' | 重庆日报
			002_e43db05eaf6c4b8b.txt | (重庆市)重庆市人民政府工作报告(2022年1月17日)         | the first line after the site's own    |
			003_d6c6b1012aeb5bc6.txt | 重庆实施高新技术企业和科技型企业“双倍增”行动              | a headline the text repeats            |
			004_dabf6494caeab1cf.txt | 重慶首次躋身全球科技創新中心100強 今年定下新目標,從七方面再突破 | the line 原标题                        |
			""")
	void findsTheHeadlineOfEachSeedDocument(String file, String title, String source, String publisher) throws IOException {
		Extraction extraction = extractor.extract(DocumentInput.plain(Files.readString(SEEDS.resolve(file), StandardCharsets.UTF_8)));
		assertThat(extraction.title().value()).isEqualTo(title);
		assertThat(extraction.title().source()).startsWith(source);
		assertThat(extraction.publisher().value()).isEqualTo(publisher);
	}

	@Test
	void takesTheFirstLineOfAPlainArticle() {
		Inferred<String> inferred = title("\n  四川省2024年政府工作报告\n\n力争研发投入强度达到2.5%。\n");
		assertThat(inferred.value()).isEqualTo("四川省2024年政府工作报告");
		assertThat(inferred.source()).isEqualTo("the first line of the text");
	}

	@Test
	void skipsTheSiteLinesOfEitherScript() {
		assertThat(title("當前位置：首頁 > 新聞\n分享到\n湖北科技創新大會召開\n內容").value()).isEqualTo("湖北科技創新大會召開");
	}

	@Test
	void findsTheHeadlineAnEditionListsAndThenPrintsFarBelow() {
		Inferred<String> inferred = title(pastTheHead("上一版 下一版\n重庆日报\n北碚加快发展智能传感器产业\n两项国家重点研发计划在渝启动\n",
				"两项国家重点研发计划在渝启动\n本报讯……\n"));
		assertThat(inferred.value()).isEqualTo("两项国家重点研发计划在渝启动");
		assertThat(inferred.source()).isEqualTo("a headline the text repeats");
	}

	@Test
	void takesNoBylineFromTheBodyOrTheFooter() {
		assertThat(title(pastTheHead("科技工作会议召开\n", "编辑：张三\n来源：本报\n")).value()).isEqualTo("科技工作会议召开");
	}

	@Test
	void takesNoParagraphForATitle() {
		Inferred<String> inferred = title("2023年，全市高新技术企业达到6348家，科技型企业达到5.1万家，研发经费投入强度2.36%，技术合同成交额超过800亿元，"
				+ "每万人口高价值发明专利拥有量达到6.7件。\n");
		assertThat(inferred.known()).isFalse();
		assertThat(inferred.source()).contains("too long");
	}

	@Test
	void keepsATitleGivenOrInTheFrontMatter() {
		String text = "---\ntitle: \"前置标题\"\n---\n导航菜单\n正文标题\n";
		assertThat(extractor.extract(new DocumentInput(text, false, "给定标题", null, null, null)).title().source()).isEqualTo("given");
		assertThat(title(text).value()).isEqualTo("前置标题");
	}

	@Test
	void namesThePublisherOnTheBylineOfEitherScript() {
		Extraction seed = extractor.extract(DocumentInput.plain("24小时举报电话:023-57737953\n巫山网\n深入推动创新发展\n发布时间: 2022-06-07  来源: 重庆日报\n正文"));
		assertThat(seed.publisher().value()).isEqualTo("重庆日报");
		assertThat(seed.publisher().source()).isEqualTo("the byline '发布时间: 2022-06-07  来源: 重庆日报'");
		assertThat(extractor.extract(DocumentInput.plain("湖北科技創新大會召開\n來源：湖北日報｜編輯：李四\n內容")).publisher().value())
			.isEqualTo("湖北日報");
	}

	@Test
	void takesNoPublisherFromTheBodyOrAQuotedSource() {
		Extraction extraction = extractor.extract(DocumentInput.plain("标题\n（数据来源：市科技局）\n凡注明“来源：某网”的稿件版权归本站\n"));
		assertThat(extraction.publisher().known()).isFalse();
		assertThat(extraction.publisher().source()).contains("来源");
	}

	@Test
	void takesNoPublisherFromABylineThatNamesOnlyThePageItself() {
		for (String self : new String[] { "本报", "本报记者 张三", "本報", "本网" }) {
			Extraction extraction = extractor.extract(DocumentInput.plain("科技创新大会召开\n来源：" + self + "\n正文"));
			assertThat(extraction.publisher().known()).as(self).isFalse();
			assertThat(extraction.publisher().source()).as(self).contains("page's own");
			assertThat(extraction.title().value()).as(self).isEqualTo("科技创新大会召开");
		}
	}

	// Some offices' pages open with who published and when, and no headline: the name is the publisher, and the
	// line is no title. Four of our own documents (ingest-service/src/test/resources/corpus) open so.
	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			重庆市科学技术局  2023年12月28日     | 重庆市科学技术局
			湖北省科技廳發佈：２０２３年２月１５日 | 湖北省科技廳
			北京市统计局  发布时间：2022-03-01  | 北京市统计局
			上海市科委　2023年6月1日            | 上海市科委
			""")
	void takesADatelineForItsPublisherAndNotForATitle(String dateline, String publisher) {
		Extraction extraction = extractor.extract(DocumentInput.plain("\n" + dateline + "\n\n2023年，全市高新技术企业达到7565家。\n"));
		assertThat(extraction.publisher().value()).isEqualTo(publisher);
		assertThat(extraction.publisher().source()).isEqualTo("the dateline '" + dateline + "'");
		assertThat(extraction.title().known()).isFalse();
		assertThat(extraction.title().source()).contains("opens with a dateline");
	}

	@Test
	void takesAHeadlineWithADateForATitleAndABylineOverADateline() {
		assertThat(title("科技创新大会召开 2023年5月1日\n正文").value()).isEqualTo("科技创新大会召开 2023年5月1日");
		assertThat(title("(四川省)2024年四川省人民政府工作报告(2024年1月25日)\n正文").value())
			.isEqualTo("(四川省)2024年四川省人民政府工作报告(2024年1月25日)");
		Extraction bylined = extractor.extract(DocumentInput.plain("成都市科技局  2024年12月20日\n来源：成都日报\n正文"));
		assertThat(bylined.publisher().value()).isEqualTo("成都日报");
		assertThat(bylined.title().known()).as("the line above the byline is the dateline").isFalse();
	}

	@Test
	void keepsAPublisherGivenOrInTheFrontMatter() {
		String text = "---\npublisher: 科技日报\n---\n标题\n来源：重庆日报\n";
		assertThat(extractor.extract(new DocumentInput(text, false, null, "给定", null, null)).publisher().value()).isEqualTo("给定");
		assertThat(extractor.extract(DocumentInput.plain(text)).publisher().value()).isEqualTo("科技日报");
	}

	/** {@code top}, then more distinct paragraphs than a page's head holds, then {@code bottom}. */
	private static String pastTheHead(String top, String bottom) {
		StringBuilder text = new StringBuilder(top);
		for (int i = 0; i < 25; i++) {
			text.append("第").append(i).append("段。\n");
		}
		return text.append(bottom).toString();
	}

	private Inferred<String> title(String text) {
		return extractor.extract(DocumentInput.plain(text)).title();
	}

}
