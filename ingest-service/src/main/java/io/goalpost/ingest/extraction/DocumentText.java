package io.goalpost.ingest.extraction;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The readable text of a document as published: HTML reduced to its text with one line per block, and
 * the fields of a YAML front matter ({@code ---} … {@code ---}) kept apart. Plain text passes through
 * unchanged; for HTML, {@link #inputOffset} maps each character of the text back to where it stood in
 * the input.
 */
record DocumentText(String text, Map<String, String> frontMatter, int[] inputOffsets) {

	private static final Pattern FRONT_MATTER = Pattern.compile("\\A---\\r?\\n(.*?)\\r?\\n---\\r?\\n", Pattern.DOTALL);

	// A field a line, its value trimmed and unquoted in code: \s* around a lazy value would let an empty field take
	// the next line, and takes time quadratic in a line of spaces.
	private static final Pattern FIELD = Pattern.compile("^([A-Za-z_]+):(.*)$", Pattern.MULTILINE);

	// Attributes end at the next '<' at the latest, so that a tag left open is given up at once, not searched for
	// its '>' to the end of the text from every "<p ": that took time quadratic in the text.
	private static final Pattern HTML = Pattern
		.compile("<(p|div|br|span|strong|b|table|td|tr|li|ul|h[1-6]|section|article|body|html)(\\s[^<>]*)?/?>", Pattern.CASE_INSENSITIVE);

	static DocumentText read(String input, boolean declaredHtml) {
		Map<String, String> frontMatter = new LinkedHashMap<>();
		String body = input;
		Matcher front = FRONT_MATTER.matcher(input);
		if (front.find()) {
			Matcher field = FIELD.matcher(front.group(1));
			while (field.find()) {
				frontMatter.put(field.group(1).toLowerCase(java.util.Locale.ROOT), unquoted(field.group(2).strip()));
			}
		}
		if (declaredHtml || HTML.matcher(body).find()) {
			return html(body, frontMatter);
		}
		return new DocumentText(body, frontMatter, null);
	}

	/** A front matter value without the double quotes around it, where it has them. */
	private static String unquoted(String value) {
		int from = value.startsWith("\"") ? 1 : 0;
		int to = (value.length() > from && value.endsWith("\"")) ? value.length() - 1 : value.length();
		return value.substring(from, to);
	}

	/** Where the character at {@code index} of the text stood in the input. */
	int inputOffset(int index) {
		if (inputOffsets == null) {
			return index;
		}
		return inputOffsets[Math.min(index, inputOffsets.length - 1)];
	}

	private static DocumentText html(String html, Map<String, String> frontMatter) {
		Document document = Jsoup.parse(html, "", Parser.htmlParser().setTrackPosition(true));
		if (!document.title().isBlank()) {
			frontMatter.putIfAbsent("title", document.title());
		}
		document.select("script,style,noscript,template").remove();
		StringBuilder text = new StringBuilder(html.length());
		int[][] offsets = { new int[html.length() + 1] };
		NodeTraversor.traverse(new NodeVisitor() {

			@Override
			public void head(Node node, int depth) {
				if (node instanceof TextNode textNode) {
					// Within a node, characters are mapped one to one; an entity (&nbsp;) shifts the rest of
					// that node by a few characters at most.
					int from = Math.max(textNode.sourceRange().startPos(), 0);
					append(textNode.getWholeText(), from);
				}
			}

			@Override
			public void tail(Node node, int depth) {
				if (node instanceof Element element && (element.isBlock() || element.nameIs("br"))) {
					append("\n", Math.max(element.endSourceRange().endPos(), element.sourceRange().endPos()));
				}
			}

			private void append(String part, int inputStart) {
				if (text.length() + part.length() >= offsets[0].length) {
					offsets[0] = java.util.Arrays.copyOf(offsets[0], (text.length() + part.length()) * 2 + 1);
				}
				for (int i = 0; i < part.length(); i++) {
					offsets[0][text.length()] = Math.max(inputStart, 0) + i;
					text.append(part.charAt(i));
				}
			}

		}, document.body());
		int[] map = java.util.Arrays.copyOf(offsets[0], text.length() + 1);
		map[text.length()] = html.length();
		return new DocumentText(text.toString(), frontMatter, map);
	}

}
