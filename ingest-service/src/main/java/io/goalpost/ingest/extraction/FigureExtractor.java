package io.goalpost.ingest.extraction;

import java.time.Duration;
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
			"力争|争取|(?<![的家个人元%件项所户])目标|确保|预期|将(?=[在于]?(?:达到|突破|超过|提高|提升|增至|实现|保持))|预计|初步测算|初步核算|初步统计|已经|已|累计");

	private static final Pattern YEAR = Pattern.compile("(?<![\\d—–~-])((?:19|20)\\d{2})年度?|今年|本年|当年|去年|上年|明年");

	private static final Pattern SENTENCE_END = Pattern.compile("[。！？!?;；●]");

	private static final Pattern PARTIAL_SUBJECT = Pattern.compile("^(?:目前|截至[^,]{0,10}|此外|同时)?,?(?:这些|该|此类|其中)");

	private static final Pattern WHOLE_REGION = Pattern.compile("全市|我市|全省|我省|全区|全国");

	/** A clause whose subject is a district, new area or park: its figures are not the region's. */
	private static final Pattern SUB_REGION = Pattern
		.compile("^(?:(?:19|20)\\d{2}年度?|今年|去年|目前)?(?!全)(\\p{IsHan}{1,6}?(?:新区|开发区|高新区|园区|区|县))(?![域块间内外])");

	private static final Pattern NOT_A_SUB_REGION = Pattern.compile("(?:地区|市区|城区|社区|辖区|全区)$");

	private static final Pattern CLAUSE_START = Pattern.compile("[,:]");

	/** Longer lists of indicators joined by 、 are not enumerations a report would write. */
	private static final int LONGEST_ENUMERATION = 12;

	private static final Pattern TABLE_SEPARATOR = Pattern.compile("\\t+|\\s*\\|\\s*| {2,}");

	private static final Pattern TABLE_UNIT = Pattern.compile("\\(([^)]{1,4})\\)\\s*$");

	private static final Pattern TABLE_TARGET = Pattern.compile("目标|计划|预期");

	private static final Pattern TABLE_ACTUAL = Pattern.compile("完成|实际|实绩|实现");

	/** A target restated after its value: 完成突破7000家的目标, 超过4.8万家目标. */
	private static final Pattern TARGET_AFTER = Pattern.compile("^的?(?:预期)?目标");

	private static final Pattern BULLET = Pattern.compile("^(?:[●•·▪◆■□○\\-*]|\\d+[、.])");

	private static final Pattern HEADING_TARGET = Pattern.compile("力争|争取|目标");

	private static final Pattern GROWTH_AFTER_FIGURE = Pattern.compile("^[、,]?(?:同比)?(?:增长|增速|增幅)(?:为|达到|达)?$");

	/** Words that may stand between an indicator and its value, longest first. */
	private static final List<String> LINKING_WORDS = List.of("不低于", "不少于", "不超过", "不高于", "提高到", "提高至", "提升到",
			"提升至", "增加到", "增加至", "增长到", "增长至", "保持在", "稳定在", "控制在", "达到", "突破", "超过", "高于", "低于", "增至", "提高",
			"提升", "保持", "总数", "总量", "数量", "规模", "分别", "累计", "预计", "初步", "同比", "年均", "力争", "争取", "增长", "增速", "增幅",
			"全年", "年末", "年底", "今年", "去年", "上年", "达", "超", "逾", "要", "将", "已", "共", "为", "是", "约", "近", "在", "了");

	/** Enough for any real document many times over; a document built to be slow stops here. */
	public static final Duration DEFAULT_TIME_BUDGET = Duration.ofSeconds(2);

	private final IndicatorCatalogue catalogue;

	private final Lexicon lexicon;

	private final Duration timeBudget;

	public FigureExtractor(IndicatorCatalogue catalogue) {
		this(catalogue, DEFAULT_TIME_BUDGET);
	}

	/** @param timeBudget how long one document may take; past it, reading stops and says so */
	public FigureExtractor(IndicatorCatalogue catalogue, Duration timeBudget) {
		this.catalogue = catalogue;
		this.lexicon = new Lexicon(catalogue);
		this.timeBudget = timeBudget;
	}

	public Extraction extract(DocumentInput input) {
		DocumentText document = DocumentText.read(input.text(), input.html());
		String normalized = ScriptNormalizer.normalize(document.text());
		Inferred<LocalDate> published = (input.publishedOn() != null) ? Inferred.given(input.publishedOn())
				: DocumentFacts.publishedOn(document.frontMatter(), normalized);
		Inferred<Region> region = region(input.region(), normalized);
		DocumentHead head = DocumentHead.read(document);
		Inferred<String> title = head.title(input.title());
		Inferred<String> publisher = head.publisher(input.publisher());
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
		if (reading.stoppedAt >= 0) {
			warnings.add("reading stopped at character " + reading.stoppedAt + " of " + normalized.length()
					+ ": the document took longer than " + timeBudget.toMillis() + " ms; figures after it are missing");
		}
		if (reading.yearless > 0) {
			warnings.add(reading.yearless + " figure(s) left out: their year is relative (今年, 去年) or unstated and the publication date is unknown");
		}
		return new Extraction(published, region, title, publisher, figures, warnings);
	}

	private Inferred<Region> region(String given, String normalized) {
		if (given == null || given.isBlank()) {
			return DocumentFacts.region(catalogue, normalized);
		}
		return catalogue.region(given).map(Inferred::given)
			.orElseGet(() -> Inferred.notFound("the given region '" + given + "' is not in the catalogue"));
	}

	/** One pass over one document, carrying what a reader carries: the year in context, the heading's scope. */
	private final class Reading {

		private final DocumentText document;

		private final String normalized;

		private final Integer publishedYear;

		private final String region;

		private final Map<String, ExtractedFigure> figures = new LinkedHashMap<>();

		private Integer contextYear;

		private List<Column> table;

		private Scope scope = Scope.NONE;

		private int yearless;

		private int stoppedAt = -1;

		/** The cue words and years of the sentence being read, by position. */
		private Marks<Cue> cues;

		private Marks<Integer> years;

		private final long deadline = System.nanoTime() + timeBudget.toNanos();

		Reading(DocumentText document, String normalized, Integer publishedYear, String region) {
			this.document = document;
			this.normalized = normalized;
			this.publishedYear = publishedYear;
			this.region = region;
		}

		List<ExtractedFigure> figures() {
			int lineStart = 0;
			while (lineStart <= normalized.length()) {
				if (System.nanoTime() > deadline) {
					stoppedAt = lineStart;
					break;
				}
				int lineEnd = normalized.indexOf('\n', lineStart);
				if (lineEnd < 0) {
					lineEnd = normalized.length();
				}
				if (!tableRow(lineStart, lineEnd)) {
					line(CompactText.of(normalized, lineStart, lineEnd));
				}
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

		/**
		 * A table flattened to text: cells split by tabs, bars or runs of spaces; a header whose columns name
		 * a year and/or a kind (2024年目标, 2024年完成), then rows whose first cell names an indicator and its
		 * unit in brackets (高新技术企业（家）). Returns whether the line was part of a table.
		 */
		private boolean tableRow(int lineStart, int lineEnd) {
			List<int[]> cells = cells(lineStart, lineEnd);
			if (cells.size() < 2) {
				table = null;
				return false;
			}
			if (table == null || cells.size() != table.size() + 1) {
				table = header(cells);
				return table != null;
			}
			int[] label = cells.getFirst();
			String labelText = normalized.substring(label[0], label[1]);
			Matcher unit = TABLE_UNIT.matcher(labelText);
			List<Mention> mentions = lexicon.mentions(CompactText.of(normalized, label[0], label[1]).text());
			if (!unit.find() || mentions.size() != 1) {
				return true;
			}
			for (int i = 1; i < cells.size(); i++) {
				int[] cell = cells.get(i);
				String number = normalized.substring(cell[0], cell[1]).replace(",", "");
				Matcher quantity = Quantity.matcher(number + unit.group(1));
				if (quantity.matches()) {
					Column column = table.get(i - 1);
					Quantity value = Quantity.of(quantity);
					if (value != null) {
						tableFigure(mentions.getFirst().indicator(), column, value, lineStart, lineEnd, cell);
					}
				}
			}
			return true;
		}

		private List<Column> header(List<int[]> cells) {
			List<Column> columns = new ArrayList<>();
			for (int[] cell : cells.subList(1, cells.size())) {
				String text = normalized.substring(cell[0], cell[1]);
				FigureKind kind = TABLE_TARGET.matcher(text).find() ? FigureKind.TARGET
						: TABLE_ACTUAL.matcher(text).find() ? FigureKind.ACTUAL : null;
				Integer year = lastYear(text, text.length());
				if (kind == null && year == null) {
					return null;
				}
				columns.add(new Column(kind, year));
			}
			return columns;
		}

		private void tableFigure(Indicator indicator, Column column, Quantity value, int lineStart, int lineEnd, int[] cell) {
			if (!value.unit().fits(indicator.unit())) {
				return;
			}
			FigureKind kind = (column.kind() != null) ? column.kind()
					: (column.year() != null && publishedYear != null && column.year() > publishedYear) ? FigureKind.TARGET
							: FigureKind.ACTUAL;
			Integer year = (column.year() != null) ? column.year()
					: (kind == FigureKind.TARGET) ? publishedYear : actualYear();
			if (year == null) {
				yearless++;
				return;
			}
			Comparator comparator = (value.suffix() != null) ? value.suffix()
					: (kind == FigureKind.TARGET) ? Comparator.GTE : Comparator.EQ;
			add(new ExtractedFigure(indicator.id(), region, year, kind, comparator, value.amount(), indicator.unit().id(),
					null, document.text().substring(lineStart, lineEnd).strip(), document.inputOffset(cell[0]),
					document.inputOffset(cell[1] - 1) + 1));
		}

		private List<int[]> cells(int lineStart, int lineEnd) {
			List<int[]> cells = new ArrayList<>();
			Matcher separator = TABLE_SEPARATOR.matcher(normalized).region(lineStart, lineEnd);
			int cellStart = lineStart;
			while (separator.find()) {
				if (separator.start() > cellStart) {
					cells.add(new int[] { cellStart, separator.start() });
				}
				cellStart = separator.end();
			}
			if (cells.isEmpty()) {
				return cells;
			}
			if (lineEnd > cellStart && !normalized.substring(cellStart, lineEnd).isBlank()) {
				cells.add(new int[] { cellStart, lineEnd });
			}
			return cells;
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
			boolean[] aboutPart = subRegionClauses(sentence);
			cues = Marks.of(CUE.matcher(sentence), (m) -> Cue.of(m.group()));
			years = Marks.of(YEAR.matcher(sentence), this::yearOf);
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
				if (aboutPart[quantity.start()]) {
					previous = null;
					continue;
				}
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
							emit(line, offset, sentence, group.get(i).indicator(), words, value, value.start(), false, null);
						}
						q += values.size() - 1;
						previous = null;
						continue;
					}
					emit(line, offset, sentence, mention.indicator(), words, quantity, mention.start(), false, null);
					previous = new Assignment(mention.indicator(), quantity);
				}
				else if (previous != null
						&& GROWTH_AFTER_FIGURE.matcher(sentence.substring(previous.quantity().end(), quantity.start())).find()) {
					String gap = sentence.substring(previous.quantity().end(), quantity.start());
					emit(line, offset, sentence, previous.indicator(), Gap.read(gap.replaceFirst("^[、,]", "")), quantity,
							quantity.start(), true, null);
					previous = null;
				}
				else if (TARGET_AFTER.matcher(sentence).region(quantity.end(), sentence.length()).lookingAt()) {
					Mention subject = lastMentionBefore(mentions, quantity.start(), 0);
					if (subject != null) {
						emit(line, offset, sentence, subject.indicator(), Gap.before(sentence, quantity.start()), quantity,
								quantity.start(), false, FigureKind.TARGET);
					}
					previous = null;
				}
				else {
					previous = null;
				}
			}
		}

		/**
		 * For each position, whether its clause is about part of the region: from a clause whose subject is a
		 * district or park (两江新区…) until a clause that names the whole region again.
		 */
		private boolean[] subRegionClauses(String sentence) {
			boolean[] part = new boolean[sentence.length() + 1];
			boolean inPart = false;
			int clauseStart = 0;
			Matcher boundary = CLAUSE_START.matcher(sentence);
			while (clauseStart <= sentence.length()) {
				int clauseEnd = boundary.find(clauseStart) ? boundary.start() : sentence.length();
				String clause = sentence.substring(clauseStart, clauseEnd);
				Matcher sub = SUB_REGION.matcher(clause);
				if (sub.find() && !NOT_A_SUB_REGION.matcher(sub.group(1)).find()) {
					inPart = true;
				}
				else if (WHOLE_REGION.matcher(clause).lookingAt() || namesWholeRegion(clause)) {
					inPart = false;
				}
				java.util.Arrays.fill(part, clauseStart, Math.min(clauseEnd + 1, part.length), inPart);
				clauseStart = clauseEnd + 1;
			}
			return part;
		}

		/** The last mention ending at or before {@code position} and starting at or after {@code notBefore}. */
		private Mention lastMentionBefore(List<Mention> mentions, int position, int notBefore) {
			int index = lastIndexEndingBy(mentions, position);
			return (index >= 0 && mentions.get(index).start() >= notBefore) ? mentions.get(index) : null;
		}

		private int lastIndexEndingBy(List<Mention> mentions, int position) {
			// Mentions do not overlap, so their ends are sorted as their starts are.
			int low = 0;
			int high = mentions.size() - 1;
			int found = -1;
			while (low <= high) {
				int middle = (low + high) >>> 1;
				if (mentions.get(middle).end() <= position) {
					found = middle;
					low = middle + 1;
				}
				else {
					high = middle - 1;
				}
			}
			return found;
		}

		/** The mentions joined to this one by 、和及与 alone, in order, ending with it (at most a dozen). */
		private List<Mention> enumeration(List<Mention> mentions, Mention last, String sentence) {
			int index = lastIndexEndingBy(mentions, last.end());
			int first = index;
			while (first > 0 && index - first < LONGEST_ENUMERATION) {
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
				int spanStart, boolean growthAfterFigure, FigureKind forcedKind) {
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
			Cue cue = cues.lastBefore(quantity.start());
			Integer explicitYear = years.lastBefore(quantity.start());
			FigureKind kind = (forcedKind != null) ? forcedKind : (cue != null) ? cue.kind() : scope.kind();
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
			FigureStatus status = (cue != null && kind == FigureKind.ACTUAL && cue.kind() == FigureKind.ACTUAL) ? cue.status() : null;
			int sentenceStart = line.origin(offset);
			int sentenceEnd = line.originEnd(offset + sentence.length());
			String text = document.text();
			ExtractedFigure figure = new ExtractedFigure(id, region, year, kind, comparator, quantity.amount(), unit,
					status, text.substring(sentenceStart, Math.min(sentenceEnd + 1, text.length())).strip(),
					document.inputOffset(line.origin(offset + spanStart)),
					document.inputOffset(line.originEnd(offset + quantity.end()) - 1) + 1);
			add(figure);
		}

		private void add(ExtractedFigure figure) {
			figures.putIfAbsent(figure.identity(), figure);
		}

		private Integer actualYear() {
			if (contextYear != null) {
				return contextYear;
			}
			return (publishedYear != null) ? publishedYear - 1 : null;
		}

		private Integer lastYear(String text, int before) {
			return Marks.of(YEAR.matcher(text), this::yearOf).lastBefore(before);
		}

		private Integer yearOf(Matcher m) {
			return switch (m.group()) {
				case "今年", "本年", "当年" -> publishedYear;
				case "去年", "上年" -> (publishedYear != null) ? publishedYear - 1 : null;
				case "明年" -> (publishedYear != null) ? publishedYear + 1 : null;
				default -> Integer.parseInt(m.group(1));
			};
		}

	}

	private record Assignment(Indicator indicator, Quantity quantity) {
	}

	/** Words found in a sentence, by position, so the last one before a figure is a binary search away. */
	private record Marks<T>(int[] positions, List<T> values) {

		static <T> Marks<T> of(Matcher matcher, java.util.function.Function<Matcher, T> value) {
			List<Integer> positions = new ArrayList<>();
			List<T> values = new ArrayList<>();
			while (matcher.find()) {
				positions.add(matcher.start());
				values.add(value.apply(matcher));
			}
			return new Marks<>(positions.stream().mapToInt(Integer::intValue).toArray(), values);
		}

		/** The value of the last mark starting before {@code position}, or null. */
		T lastBefore(int position) {
			int index = java.util.Arrays.binarySearch(positions, position);
			int before = (index >= 0) ? index - 1 : -index - 2;
			return (before >= 0) ? values.get(before) : null;
		}

	}

	/** A column of a table: the kind and year its header names. */
	private record Column(FigureKind kind, Integer year) {
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

		/** The comparator of the linking word that ends right before a value, if any. */
		static Gap before(String sentence, int position) {
			for (String word : LINKING_WORDS) {
				if (sentence.startsWith(word, position - word.length())) {
					return new Gap(comparatorOf(word, null), false);
				}
			}
			return new Gap(null, false);
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
