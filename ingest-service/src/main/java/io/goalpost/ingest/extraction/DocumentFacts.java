package io.goalpost.ingest.extraction;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.goalpost.contract.IndicatorCatalogue;
import io.goalpost.contract.Region;

/** Infers when a document was published and which region it is about, saying where each came from. */
final class DocumentFacts {

	private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");

	private static final Pattern PUBLISHED_LABEL = Pattern
		.compile("(?:发布时间|发布日期|发稿时间|日期|时间)[:\\s]*(\\d{4})\\s*[-年/.]\\s*(\\d{1,2})\\s*[-月/.]\\s*(\\d{1,2})");

	private static final Pattern CHINESE_DATE = Pattern.compile("(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日");

	private static final Pattern MONTH_DAY = Pattern.compile("(?<![\\d年])(\\d{1,2})月(\\d{1,2})日");

	private static final Pattern YEAR = Pattern.compile("(?<![\\d—–-])((?:19|20)\\d{2})年");

	private DocumentFacts() {
	}

	static Inferred<LocalDate> publishedOn(Map<String, String> frontMatter, String text) {
		String date = frontMatter.get("date");
		if (date != null) {
			Matcher iso = ISO_DATE.matcher(date);
			if (iso.find() && date(iso) != null) {
				return new Inferred<>(date(iso), "front matter (date)");
			}
		}
		Matcher labelled = PUBLISHED_LABEL.matcher(text);
		if (labelled.find() && date(labelled) != null) {
			return new Inferred<>(date(labelled), "the line '" + labelled.group().strip() + "'");
		}
		Matcher chinese = CHINESE_DATE.matcher(text);
		if (chinese.find() && date(chinese) != null) {
			return new Inferred<>(date(chinese), "the first full date in the text, '" + chinese.group() + "'");
		}
		Matcher monthDay = MONTH_DAY.matcher(text);
		if (monthDay.find()) {
			Matcher year = YEAR.matcher(text);
			if (year.find(monthDay.end()) || year.find(0)) {
				try {
					LocalDate on = LocalDate.of(Integer.parseInt(year.group(1)), Integer.parseInt(monthDay.group(1)),
							Integer.parseInt(monthDay.group(2)));
					return new Inferred<>(on, "the date '" + monthDay.group() + "' with the year " + year.group(1)
							+ " named in the text");
				}
				catch (DateTimeException ex) {
					// Not a date after all; nothing better to infer from.
				}
			}
		}
		return Inferred.notFound("no publication date in the text (front matter, 发布时间, a dated header or a date); relative years such as 今年 cannot be resolved");
	}

	static Inferred<Region> region(IndicatorCatalogue catalogue, String normalizedText) {
		Region best = null;
		int bestCount = 0;
		for (Region region : catalogue.regions()) {
			String name = region.names().get("zh-Hans");
			int count = (name != null) ? occurrences(normalizedText, name) : 0;
			if (count > bestCount) {
				best = region;
				bestCount = count;
			}
		}
		return (best != null) ? new Inferred<>(best, "the region named most often (" + best.names().get("zh-Hans") + " ×" + bestCount + ")")
				: Inferred.notFound("no region of the catalogue is named in the text");
	}

	private static int occurrences(String text, String word) {
		int count = 0;
		for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length())) {
			count++;
		}
		return count;
	}

	private static LocalDate date(Matcher m) {
		try {
			return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

}
