package io.goalpost.ingest.extraction;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A document's title when none is given. Web pages saved as text open with the site's own lines (navigation,
 * a hotline, the edition's other headlines) before the article's; the seed corpus keeps them, and its first
 * lines are a title in only one of three pages without front matter. So, in this order: the front matter's or
 * HTML's title; the line marked 原标题; among the page's first lines, the headline just above a byline
 * (发布时间, 来源:); a headline the page repeats (a newspaper page lists its articles, then prints the one it
 * shows); else the first line that is not the site's own.
 */
final class DocumentTitle {

	private static final int MAX_LENGTH = 80;

	// A repeated line this short is more often a site's or paper's name than a headline.
	private static final int MIN_REPEATED_LENGTH = 8;

	// The headline is near the top: a byline or a repeat further down belongs to the article's body or footer.
	private static final int HEAD_LINES = 20;

	private static final Pattern BYLINE = Pattern.compile("^(?:发布时间|发布日期|发稿时间|(?:来源|作者)\\s*[:：])");

	/** Words of the lines a site puts around every article, in Simplified script. */
	private static final List<String> SITE_LINE_WORDS = List.of("导航菜单", "导航栏", "当前位置", "您的位置", "分享到", "举报电话",
			"举报邮箱", "上一版", "下一版", "上一篇", "下一篇", "打印本页", "关闭窗口", "网站地图", "设为首页", "加入收藏");

	private DocumentTitle() {
	}

	static Inferred<String> of(String given, DocumentText document) {
		if (given != null && !given.isBlank()) {
			return Inferred.given(given);
		}
		String fromFrontMatter = document.frontMatter().get("title");
		if (fromFrontMatter != null && !fromFrontMatter.isBlank()) {
			return new Inferred<>(fromFrontMatter, "front matter or HTML title");
		}
		List<String> head = new ArrayList<>();
		Set<String> below = new HashSet<>();
		for (String line : document.text().split("\n")) {
			String text = line.strip();
			if (text.startsWith("原标题") || text.startsWith("原標題")) {
				return new Inferred<>(text.substring(4).strip(), "the line 原标题");
			}
			if (text.isEmpty() || text.equals("---")) {
				continue;
			}
			if (head.size() < HEAD_LINES) {
				head.add(text);
			}
			else {
				below.add(text);
			}
		}
		List<String> normalized = head.stream().map(ScriptNormalizer::normalize).toList();
		Inferred<String> found = aboveByline(head, normalized);
		if (found == null) {
			found = repeated(head, normalized, below);
		}
		return (found != null) ? found : firstLine(head, normalized);
	}

	private static Inferred<String> aboveByline(List<String> head, List<String> normalized) {
		for (int i = 1; i < head.size(); i++) {
			if (BYLINE.matcher(normalized.get(i)).find()) {
				for (int j = i - 1; j >= 0; j--) {
					if (headline(head.get(j), normalized.get(j))) {
						return new Inferred<>(head.get(j), "the line above the byline '" + head.get(i) + "'");
					}
				}
				return null;
			}
		}
		return null;
	}

	private static Inferred<String> repeated(List<String> head, List<String> normalized, Set<String> below) {
		for (int i = 0; i < head.size(); i++) {
			String text = head.get(i);
			if (text.length() >= MIN_REPEATED_LENGTH && headline(text, normalized.get(i))
					&& (below.contains(text) || head.subList(i + 1, head.size()).contains(text))) {
				return new Inferred<>(text, "a headline the text repeats");
			}
		}
		return null;
	}

	private static Inferred<String> firstLine(List<String> head, List<String> normalized) {
		for (int i = 0; i < head.size(); i++) {
			if (!siteLine(normalized.get(i))) {
				if (head.get(i).length() > MAX_LENGTH) {
					return Inferred.notFound("no title given or marked, and the text's first line is too long for one");
				}
				return new Inferred<>(head.get(i), (i == 0) ? "the first line of the text" : "the first line after the site's own");
			}
		}
		return Inferred.notFound("no title given, marked or on a line of the text");
	}

	private static boolean headline(String text, String normalized) {
		return text.length() <= MAX_LENGTH && !siteLine(normalized);
	}

	private static boolean siteLine(String normalized) {
		return SITE_LINE_WORDS.stream().anyMatch(normalized::contains);
	}

}
