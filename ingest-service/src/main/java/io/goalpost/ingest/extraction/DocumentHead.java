package io.goalpost.ingest.extraction;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A document's title and publisher when the client gives none. Web pages saved as text open with the site's own
 * lines (navigation, a hotline, the edition's other headlines) before the article's; the seed corpus keeps them,
 * and in three of its five pages the first line is not the article's title. The title, in this order: the
 * front matter's or HTML's; the line marked 原标题; among the page's first lines, the headline just above a
 * byline (发布时间, 来源:); a headline the page repeats (a newspaper page lists its articles, then prints the one
 * it shows); else the first line that is not the site's own, unless that line is a dateline that says only who
 * published and when ("重庆市科学技术局  2023年12月28日"): then there is no title. The publisher: the front matter's,
 * else the 来源 of that byline, unless it names only the page itself (本报, "this paper"), else the dateline's name.
 */
final class DocumentHead {

	private static final int MAX_LENGTH = 80;

	// A repeated line this short is more often a site's or paper's name than a headline.
	private static final int MIN_REPEATED_LENGTH = 8;

	// The headline is near the top: a byline or a repeat further down belongs to the article's body or footer.
	private static final int HEAD_LINES = 20;

	private static final Pattern BYLINE = Pattern.compile("^(?:发布时间|发布日期|发稿时间|(?:来源|作者)\\s*[:：])");

	private static final Pattern SOURCE = Pattern.compile("来源\\s*[:：]\\s*([^\\s|｜,，;；]+)");

	// 本报 ("this paper"), 本刊, 本网, 本站, 本台: the page's own outlet, whose name the byline does not give.
	private static final Pattern SELF = Pattern.compile("本[报刊网站台]");

	// A name that ends as an office's, a paper's or a site's does, then the date alone, perhaps after 发布 or 发布时间:
	// "北京市统计局  发布时间：2022-03-01". Tried on the Simplified line; digits may be full width.
	private static final Pattern DATELINE = Pattern.compile("^([^\\s\u3000:：,，.。;；()（）]{1,20}?(?:局|委|厅|部|院|办|府|中心|室|报|社|网|台|站|所|署|处|协))"
			+ "[\\s\u3000]*(?:发布(?:时间|日期)?[\\s\u3000]*[:：]?[\\s\u3000]*)?[0-9０-９]{4}[\\s\u3000]*"
			+ "(?:年[\\s\u3000]*[0-9０-９]{1,2}[\\s\u3000]*月[\\s\u3000]*[0-9０-９]{1,2}[\\s\u3000]*日|[-/.．][0-9０-９]{1,2}[-/.．][0-9０-９]{1,2})$");

	/** Words of the lines a site puts around every article, in Simplified script. */
	private static final List<String> SITE_LINE_WORDS = List.of("导航菜单", "导航栏", "当前位置", "您的位置", "分享到", "举报电话",
			"举报邮箱", "上一版", "下一版", "上一篇", "下一篇", "打印本页", "关闭窗口", "网站地图", "设为首页", "加入收藏");

	private final DocumentText document;

	/** The first non-blank lines, stripped, as published and in Simplified script (character for character). */
	private final List<String> head;

	private final List<String> normalized;

	/** The lines of the head that the text has more than once. */
	private final Set<String> repeats;

	/** The first line marked 原标题, or null. */
	private final String marked;

	/** Where the first byline of the head is, or -1. */
	private final int byline;

	/** Where the first line that is not the site's own is, or -1. */
	private final int first;

	/** The name on the first line, if that line is a dateline; else null. */
	private final String datelineName;

	private DocumentHead(DocumentText document) {
		this.document = document;
		List<String> lines = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		Set<String> again = new HashSet<>();
		String markedLine = null;
		for (String line : document.text().split("\n")) {
			String text = line.strip();
			if (markedLine == null && (text.startsWith("原标题") || text.startsWith("原標題"))) {
				markedLine = text.substring(4).strip();
			}
			if (text.isEmpty() || text.equals("---")) {
				continue;
			}
			if (lines.size() < HEAD_LINES) {
				lines.add(text);
				if (!seen.add(text)) {
					again.add(text);
				}
			}
			else if (seen.contains(text)) {
				again.add(text);
			}
		}
		this.head = lines;
		this.normalized = lines.stream().map(ScriptNormalizer::normalize).toList();
		this.repeats = again;
		this.marked = markedLine;
		int found = -1;
		for (int i = 0; i < lines.size() && found < 0; i++) {
			found = BYLINE.matcher(this.normalized.get(i)).find() ? i : -1;
		}
		this.byline = found;
		int firstOwn = -1;
		for (int i = 0; i < lines.size() && firstOwn < 0; i++) {
			firstOwn = siteLine(i) ? -1 : i;
		}
		this.first = firstOwn;
		Matcher date = (firstOwn >= 0 && lines.get(firstOwn).length() <= MAX_LENGTH) ? DATELINE.matcher(this.normalized.get(firstOwn)) : null;
		// Offsets into the normalized line are offsets into the line as published.
		this.datelineName = (date != null && date.matches()) ? lines.get(firstOwn).substring(date.start(1), date.end(1)) : null;
	}

	static DocumentHead read(DocumentText document) {
		return new DocumentHead(document);
	}

	Inferred<String> title(String given) {
		Inferred<String> stated = stated(given, "title", "front matter or HTML title");
		if (stated != null) {
			return stated;
		}
		if (marked != null) {
			return new Inferred<>(marked, "the line 原标题");
		}
		Inferred<String> found = aboveByline();
		if (found == null) {
			found = repeated();
		}
		return (found != null) ? found : firstLine();
	}

	Inferred<String> publisher(String given) {
		Inferred<String> stated = stated(given, "publisher", "front matter");
		if (stated != null) {
			return stated;
		}
		Matcher source = (byline >= 0) ? SOURCE.matcher(normalized.get(byline)) : null;
		if (source != null && source.find()) {
			if (SELF.matcher(source.group(1)).lookingAt()) {
				return Inferred.notFound("the byline '" + head.get(byline) + "' names its source only as the page's own");
			}
			// Offsets into the normalized line are offsets into the line as published.
			return new Inferred<>(head.get(byline).substring(source.start(1), source.end(1)),
					"the byline '" + head.get(byline) + "'");
		}
		if (datelineName != null) {
			return new Inferred<>(datelineName, "the dateline '" + head.get(first) + "'");
		}
		return Inferred.notFound("no publisher given, in front matter, on a byline (来源：) or a dateline");
	}

	/** The value the client gave, else the front matter's field, else null. */
	private Inferred<String> stated(String given, String field, String frontMatterSource) {
		if (given != null && !given.isBlank()) {
			return Inferred.given(given);
		}
		String fromFrontMatter = document.frontMatter().get(field);
		return (fromFrontMatter != null && !fromFrontMatter.isBlank()) ? new Inferred<>(fromFrontMatter, frontMatterSource) : null;
	}

	private Inferred<String> aboveByline() {
		for (int j = byline - 1; j >= 0; j--) {
			if (headline(j)) {
				return new Inferred<>(head.get(j), "the line above the byline '" + head.get(byline) + "'");
			}
		}
		return null;
	}

	private Inferred<String> repeated() {
		for (int i = 0; i < head.size(); i++) {
			String text = head.get(i);
			if (text.length() >= MIN_REPEATED_LENGTH && headline(i) && repeats.contains(text)) {
				return new Inferred<>(text, "a headline the text repeats");
			}
		}
		return null;
	}

	private Inferred<String> firstLine() {
		if (first < 0) {
			return Inferred.notFound("no title given, marked or on a line of the text");
		}
		if (head.get(first).length() > MAX_LENGTH) {
			return Inferred.notFound("no title given or marked, and the text's first line is too long for one");
		}
		if (datelineName != null) {
			return Inferred.notFound("no title given or marked, and the text opens with a dateline, '" + head.get(first) + "'");
		}
		return new Inferred<>(head.get(first), (first == 0) ? "the first line of the text" : "the first line after the site's own");
	}

	private boolean headline(int i) {
		return head.get(i).length() <= MAX_LENGTH && !siteLine(i) && !(i == first && datelineName != null);
	}

	private boolean siteLine(int i) {
		return SITE_LINE_WORDS.stream().anyMatch(normalized.get(i)::contains);
	}

}
