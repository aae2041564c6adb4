package io.goalpost.ingest.extraction;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.goalpost.contract.Comparator;
import io.goalpost.contract.FigureKind;
import io.goalpost.contract.FigureStatus;
import io.goalpost.contract.Indicator;
import io.goalpost.contract.IndicatorCatalogue;
import io.goalpost.contract.Region;
import io.goalpost.ingest.extraction.Lexicon.Mention;

/**
 * Reads every figure of the catalogue's indicators out of an article or report, as a careful analyst
 * would. The rules, in the order they apply:
 * <ul>
 * <li>a figure is an indicator's wording followed by a quantity, with only linking words between them
 * (达到, 突破, 提高到, 保持, 总数, 分别 …); enumerations {@code A、B、C分别达到x、y、z} pair in order;
 * {@code 增长x%} after a figure, or an indicator followed by 增长 and a percentage, is that indicator's
 * growth;</li>
 * <li>target or actual from the nearest cue before the figure in its sentence (力争, 争取, 目标, 确保,
 * 将…达到 for targets; 预计 for estimates, 初步测算 for preliminary actuals), else from a heading such as
 * {@code 2026年力争} over a list, else from the year: a year after publication is a target;</li>
 * <li>the year from the nearest year before the figure in its sentence (2021年, 今年, 去年, 明年 resolved
 * from the publication date), else the heading's, else a target is for the year of publication and an
 * actual for the year the text last named (or the year before publication);</li>
 * <li>comparators from the words: 突破/超过/超 gt, 以上/不低于 gte, 左右/约 approx, 以内/不超过 lte, and
 * without a word gte for a target, eq for an actual;</li>
 * <li>a sentence about part of the region (这些…, 该…) is not the region's figure;</li>
 * <li>the same figure repeated (headline, body, summary box) is one figure.</li>
 * </ul>
 * Never throws on any input: text it cannot read yields fewer figures, not an error.
 */
public final class FigureExtractor {

	private static final Pattern CUE = Pattern.compile(
			"力争|争取|目标|确保|预期|将(?=[在于]?(?:达到|突破|超过|提高|提升|增至|实现|保持))|预计|初步测算|初步核算|初步统计|已经|已|累计");

	private static final Pattern YEAR = Pattern.compile("(?<![\\d—–~-])((?:19|20)\\d{2})年度?|今年|本年|当年|去年|上年|明年");

	private static final Pattern SENTENCE_END = Pattern.compile("[。！？!?;；●]");

	private static final Pattern PARTIAL_SUBJECT = Pattern.compile("^(?:目前|截至[^,]{0,10}|此外|同时)?,?(?:这些|该|此类|其中)");

	private static final Pattern WHOLE_REGION = Pattern.compile("全市|我市|全省|我省|全区|全国");

	private static final Pattern BULLET = Pattern.compile("^(?:[●•·▪◆■□○\\-*]|\\d+[、.])");

	private static final Pattern HEADING_TARGET = Pattern.compile("力争|争取|目标");

	private static final Pattern GROWTH_AFTER_FIGURE = Pattern.compile("^[、,]?(?:同比)?(?:增长|增速|增幅)(?:为|达到|达)?$");

	/** Words that may stand between an indicator and its value, longest first. */
	private static final List<String> LINKING_WORDS = List.of("不低于", "不少于", "不超过", "不高于", "提高到", "提高至", "提升到",
			"提升至", "增加到", "增加至", "增长到", "增长至", "保持在", "稳定在", "控制在", "达到", "突破", "超过", "高于", "低于", "增至", "提高",
			"提升", "保持", "总数", "总量", "数量", "规模", "分别", "累计", "预计", "初步", "同比", "年均", "力争", "争取", "增长", "增速", "增幅",
			"全年", "年末", "年底", "今年", "去年", "上年", "达", "超", "逾", "要", "将", "已", "共", "为", "是", "约", "近", "在", "了");

	private final IndicatorCatalogue catalogue;

	private final Lexicon lexicon;

	public FigureExtractor(IndicatorCatalogue catalogue) {
		this.catalogue = catalogue;
		this.lexicon = new Lexicon(catalogue);
	}

	public Extraction extract(DocumentInput input) {
		DocumentText document = DocumentText.read(input.text(), input.html());
		String normalized = ScriptNormalizer.normalize(document.text());
		Inferred<LocalDate> published = (input.publishedOn() != null) ? Inferred.given(input.publishedOn())
				: DocumentFacts.publishedOn(document.frontMatter(), normalized);
		Inferred<Region> region = region(input.region(), normalized);
		Inferred<String> title = title(input.title(), document);
		List<String> warnings = new ArrayList<>();
		if (!published.known()) {
			warnings.add(published.source());
		}
		if (!region.known()) {
			warnings.add(region.source() + "; figures are returned without a region and cannot be published");
		}
		Reading reading = new Reading(document, normalized,
				published.known() ? published.value().getYear() : null, region.known() ? region.value().id() : null);
		List<ExtractedFigure> figures = reading.figures();
		if (reading.yearless > 0) {
			warnings.add(reading.yearless + " figure(s) left out: their year is relative (今年, 去年) or unstated and the publication date is unknown");
		}
		return new Extraction(published, region, title, figures, warnings);
	}

	private Inferred<Region> region(String given, String normalized) {
		if (given == null || given.isBlank()) {
			return DocumentFacts.region(catalogue, normalized);
		}
		return catalogue.region(given).map(Inferred::given)
			.orElseGet(() -> Inferred.notFound("the given region '" + given + "' is not in the catalogue"));
	}

	private static Inferred<String> title(String given, DocumentText document) {
		if (given != null && !given.isBlank()) {
			return Inferred.given(given);
		}
		String fromFrontMatter = document.frontMatter().get("title");
		if (fromFrontMatter != null && !fromFrontMatter.isBlank()) {
			return new Inferred<>(fromFrontMatter, "front matter (title)");
		}
		for (String line : document.text().split("\n")) {
			String text = line.strip();
			if (text.startsWith("原标题:") || text.startsWith("原標題:")) {
				return new Inferred<>(text.substring(4).strip(), "the line 原标题");
			}
		}
		return Inferred.notFound("no title given or marked in the text");
	}

	/** One pass over one document, carrying what a reader carries: the year in context, the heading's scope. */
	private final class Reading {

		private final DocumentText document;

		private final String normalized;

		private final Integer publishedYear;

		private final String region;

		private final Map<String, ExtractedFigure> figures = new LinkedHashMap<>();

		private Integer contextYear;

		private Scope scope = Scope.NONE;

		private int yearless;

		Reading(DocumentText document, String normalized, Integer publishedYear, String region) {
			this.document = document;
			this.normalized = normalized;
			this.publishedYear = publishedYear;
			this.region = region;
		}

		List<ExtractedFigure> figures() {
			int lineStart = 0;
			while (lineStart <= normalized.length()) {
				int lineEnd = normalized.indexOf('\n', lineStart);
				if (lineEnd < 0) {
					lineEnd = normalized.length();
				}
				line(CompactText.of(normalized, lineStart, lineEnd));
				lineStart = lineEnd + 1;
			}
			return List.copyOf(figures.values());
		}

		private void line(CompactText line) {
			String text = line.text();
			if (text.isEmpty()) {
				return;
			}
			boolean hasQuantity = Quantity.matcher(text).find();
			if (!hasQuantity && text.length() <= 24) {
				heading(text);
				return;
			}
			boolean partial = false;
			int start = 0;
			Matcher end = SENTENCE_END.matcher(text);
			while (start < text.length()) {
				int stop = end.find(start) ? end.start() : text.length();
				if (stop > start) {
					String sentence = text.substring(start, stop);
					partial = (partial || PARTIAL_SUBJECT.matcher(sentence).find()) && !namesWholeRegion(sentence);
					if (!partial) {
						sentence(line, start, sentence);
					}
					remember(sentence);
				}
				start = stop + 1;
			}
		}

		private boolean namesWholeRegion(String sentence) {
			if (WHOLE_REGION.matcher(sentence).find()) {
				return true;
			}
			return region != null && catalogue.region(region)
				.map((r) -> sentence.contains(r.names().getOrDefault("zh-Hans", "\u0000")))
				.orElse(false);
		}

		/** A short line without figures: a heading that may set the kind and year of the list below it. */
		private void heading(String text) {
			Integer year = lastYear(text, text.length());
			if (HEADING_TARGET.matcher(text).find()) {
				scope = new Scope(FigureKind.TARGET, (year != null) ? year : publishedYear);
			}
			else if (text.matches("^(?:19|20)\\d{2}年度?:?$") && year != null) {
				scope = new Scope(null, year);
				contextYear = year;
			}
			else if (!BULLET.matcher(text).find()) {
				scope = Scope.NONE;
			}
		}

		private void remember(String sentence) {
			Matcher year = YEAR.matcher(sentence);
			while (year.find()) {
				if (year.group(1) != null) {
					int value = Integer.parseInt(year.group(1));
					if (publishedYear == null || value <= publishedYear) {
						contextYear = value;
					}
				}
			}
		}

		private void sentence(CompactText line, int offset, String sentence) {
			List<Mention> mentions = lexicon.mentions(sentence);
			if (mentions.isEmpty()) {
				return;
			}
			List<Quantity> quantities = new ArrayList<>();
			Matcher m = Quantity.matcher(sentence);
			while (m.find()) {
				Quantity quantity = Quantity.of(m);
				if (quantity != null) {
					quantities.add(quantity);
				}
			}
			Assignment previous = null;
			for (int q = 0; q < quantities.size(); q++) {
				Quantity quantity = quantities.get(q);
				int prevQuantityEnd = (q > 0) ? quantities.get(q - 1).end() : -1;
				Mention mention = lastMentionBefore(mentions, quantity.start(), Math.max(prevQuantityEnd, 0));
				if (mention != null) {
					List<Mention> group = enumeration(mentions, mention, sentence);
					String gap = sentence.substring(mention.end(), quantity.start());
					Gap words = Gap.read(gap);
					if (words == null) {
						previous = null;
						continue;
					}
					if (group.size() > 1) {
						if (!gap.contains("分别")) {
							previous = null;
							continue;
						}
						List<Quantity> values = series(quantities, q, group.size(), sentence);
						if (values == null) {
							previous = null;
							continue;
						}
						for (int i = 0; i < values.size(); i++) {
							Quantity value = values.get(i);
							emit(line, offset, sentence, group.get(i).indicator(), words, value, value.start(), false);
						}
						q += values.size() - 1;
						previous = null;
						continue;
					}
					emit(line, offset, sentence, mention.indicator(), words, quantity, mention.start(), false);
					previous = new Assignment(mention.indicator(), quantity);
				}
				else if (previous != null
						&& GROWTH_AFTER_FIGURE.matcher(sentence.substring(previous.quantity().end(), quantity.start())).find()) {
					String gap = sentence.substring(previous.quantity().end(), quantity.start());
					emit(line, offset, sentence, previous.indicator(), Gap.read(gap.replaceFirst("^[、,]", "")), quantity,
							quantity.start(), true);
					previous = null;
				}
				else {
					previous = null;
				}
			}
		}

		private Mention lastMentionBefore(List<Mention> mentions, int position, int notBefore) {
			Mention last = null;
			for (Mention mention : mentions) {
				if (mention.end() <= position && mention.start() >= notBefore) {
					last = mention;
				}
			}
			return last;
		}

		/** The mentions joined to this one by 、和及与 alone, in order, ending with it. */
		private List<Mention> enumeration(List<Mention> mentions, Mention last, String sentence) {
			int index = mentions.indexOf(last);
			int first = index;
			while (first > 0) {
				String between = sentence.substring(mentions.get(first - 1).end(), mentions.get(first).start());
				if (!between.matches("[、和及与]")) {
					break;
				}
				first--;
			}
			return mentions.subList(first, index + 1);
		}

		/** {@code count} quantities from {@code from} on, joined only by 、 or 和: the values of an enumeration. */
		private List<Quantity> series(List<Quantity> quantities, int from, int count, String sentence) {
			if (from + count > quantities.size()) {
				return null;
			}
			for (int i = from + 1; i < from + count; i++) {
				String between = sentence.substring(quantities.get(i - 1).end(), quantities.get(i).start());
				if (!between.matches("[、和,]")) {
					return null;
				}
			}
			return quantities.subList(from, from + count);
		}

		private void emit(CompactText line, int offset, String sentence, Indicator named, Gap gap, Quantity quantity,
				int spanStart, boolean growthAfterFigure) {
			boolean growth = growthAfterFigure || (gap.growth() && quantity.unit() == Quantity.UnitKind.PERCENT
					&& !named.unit().id().equals("percent"));
			Optional<Indicator> indicator = growth ? catalogue.indicator(named.id() + "_growth") : Optional.of(named);
			String id = indicator.map(Indicator::id).orElse(ExtractedFigure.OTHER + named.id() + "_growth");
			String unit = indicator.map((i) -> i.unit().id()).orElse("percent");
			if (indicator.isPresent() && !quantity.unit().fits(indicator.get().unit())) {
				return;
			}
			if (indicator.isEmpty() && quantity.unit() != Quantity.UnitKind.PERCENT) {
				return;
			}
			Cue cue = nearestCue(sentence, quantity.start());
			Integer explicitYear = lastYear(sentence, quantity.start());
			FigureKind kind = (cue != null) ? cue.kind() : scope.kind();
			if (kind == null) {
				kind = (explicitYear != null && publishedYear != null && explicitYear > publishedYear) ? FigureKind.TARGET
						: FigureKind.ACTUAL;
			}
			Integer year = (explicitYear != null) ? explicitYear : (scope.year() != null) ? scope.year()
					: (kind == FigureKind.TARGET) ? publishedYear : actualYear();
			if (year == null) {
				yearless++;
				return;
			}
			Comparator comparator = (quantity.suffix() != null) ? quantity.suffix()
					: (gap.comparator() != null) ? gap.comparator()
							: (kind == FigureKind.TARGET) ? Comparator.GTE : Comparator.EQ;
			FigureStatus status = (cue != null && kind == FigureKind.ACTUAL) ? cue.status() : null;
			int sentenceStart = line.origin(offset);
			int sentenceEnd = line.originEnd(offset + sentence.length());
			String text = document.text();
			ExtractedFigure figure = new ExtractedFigure(id, region, year, kind, comparator, quantity.amount(), unit,
					status, text.substring(sentenceStart, Math.min(sentenceEnd + 1, text.length())).strip(),
					document.inputOffset(line.origin(offset + spanStart)),
					document.inputOffset(line.originEnd(offset + quantity.end()) - 1) + 1);
			figures.putIfAbsent(figure.identity(), figure);
		}

		private Integer actualYear() {
			if (contextYear != null) {
				return contextYear;
			}
			return (publishedYear != null) ? publishedYear - 1 : null;
		}

		private Integer lastYear(String text, int before) {
			Integer year = null;
			Matcher m = YEAR.matcher(text);
			while (m.find() && m.start() < before) {
				year = switch (m.group()) {
					case "今年", "本年", "当年" -> publishedYear;
					case "去年", "上年" -> (publishedYear != null) ? publishedYear - 1 : null;
					case "明年" -> (publishedYear != null) ? publishedYear + 1 : null;
					default -> Integer.parseInt(m.group(1));
				};
			}
			return year;
		}

		private Cue nearestCue(String sentence, int before) {
			Cue cue = null;
			Matcher m = CUE.matcher(sentence);
			while (m.find() && m.start() < before) {
				cue = Cue.of(m.group());
			}
			return cue;
		}

	}

	private record Assignment(Indicator indicator, Quantity quantity) {
	}

	/** What a heading line says about the lines beneath it, until the next short line that is not a bullet. */
	private record Scope(FigureKind kind, Integer year) {

		static final Scope NONE = new Scope(null, null);

	}

	/** A word that says whether what follows is a target or an outcome, and how settled an outcome is. */
	private record Cue(FigureKind kind, FigureStatus status) {

		static Cue of(String word) {
			return switch (word) {
				case "预计" -> new Cue(FigureKind.ACTUAL, FigureStatus.ESTIMATE);
				case "初步测算", "初步核算", "初步统计" -> new Cue(FigureKind.ACTUAL, FigureStatus.PRELIMINARY);
				case "已经", "已", "累计" -> new Cue(FigureKind.ACTUAL, null);
				default -> new Cue(FigureKind.TARGET, null);
			};
		}

	}

	/** The linking words between an indicator and its value, or null when anything else stands there. */
	private record Gap(Comparator comparator, boolean growth) {

		static Gap read(String gap) {
			Comparator comparator = null;
			boolean growth = false;
			int i = 0;
			outer: while (i < gap.length()) {
				Matcher year = YEAR.matcher(gap).region(i, gap.length());
				if (year.lookingAt()) {
					i = year.end();
					continue;
				}
				for (String word : LINKING_WORDS) {
					if (gap.startsWith(word, i)) {
						comparator = comparatorOf(word, comparator);
						growth |= word.equals("增长") || word.equals("增速") || word.equals("增幅");
						i += word.length();
						continue outer;
					}
				}
				return null;
			}
			return new Gap(comparator, growth);
		}

		private static Comparator comparatorOf(String word, Comparator current) {
			return switch (word) {
				case "突破", "超过", "超", "逾", "高于" -> Comparator.GT;
				case "不低于", "不少于" -> Comparator.GTE;
				case "不超过", "不高于", "控制在" -> Comparator.LTE;
				case "低于" -> Comparator.LT;
				case "约", "近" -> Comparator.APPROX;
				default -> current;
			};
		}

	}

}
