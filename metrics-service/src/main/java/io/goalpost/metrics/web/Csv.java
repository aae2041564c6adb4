package io.goalpost.metrics.web;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** CSV as RFC 4180 writes it (CRLF, fields quoted when they must be), for exports a spreadsheet opens. */
public final class Csv {

	public static final String MEDIA_TYPE = "text/csv";

	/** What a cell starts with for Excel, LibreOffice or Google Sheets to read it as a formula. */
	private static final String FORMULA_STARTS = "=+-@\t\r";

	private Csv() {
	}

	/** A UTF-8 CSV download named {@code filename}; a byte-order mark first, so that Excel reads the Chinese right. */
	public static ResponseEntity<String> download(String filename, List<String> header, List<? extends List<?>> rows) {
		StringBuilder csv = new StringBuilder("\uFEFF");
		line(csv, header);
		rows.forEach((row) -> line(csv, row));
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
			.body(csv.toString());
	}

	private static void line(StringBuilder csv, List<?> fields) {
		csv.append(fields.stream().map(Csv::field).collect(Collectors.joining(","))).append("\r\n");
	}

	private static String field(Object value) {
		if (value == null) {
			return "";
		}
		String text = (value instanceof java.math.BigDecimal number) ? number.toPlainString() : value.toString();
		// Sentences and sources are text that anyone with the write key sent: one a spreadsheet would take for a
		// formula (=HYPERLINK(…), =cmd|…) is written as text, behind an apostrophe. Numbers are numbers.
		if (!(value instanceof Number) && !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
			text = "'" + text;
		}
		boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
		return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
	}

}
