package io.goalpost.metrics.web;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** CSV exports as a spreadsheet reads them. */
class CsvTests {

	@Test
	void quotesWhatMustBeQuotedAndNothingElse() {
		assertThat(lines(List.of("plain", "a, b", "say \"hi\"", "two\nlines"), List.of(new BigDecimal("2.30"), 2023, "")))
			.containsExactly("\uFEFFplain,\"a, b\",\"say \"\"hi\"\"\",\"two\nlines\"", "2.30,2023,");
	}

	@Test
	void writesTextThatASpreadsheetWouldTakeForAFormulaAsText() {
		List<Object> hostile = List.of("=HYPERLINK(\"http://example.org\",\"x\")", "+1", "-2", "@SUM(A1)", "\tx", "=cmd|' /C calc'!A0");
		assertThat(lines(List.of("h"), hostile).get(1))
			.isEqualTo("\"'=HYPERLINK(\"\"http://example.org\"\",\"\"x\"\")\",'+1,'-2,'@SUM(A1),'\tx,'=cmd|' /C calc'!A0");
		assertThat(lines(List.of("h"), List.of(new BigDecimal("-5"), -3, "a=b")).get(1)).as("numbers, and text not led by one")
			.isEqualTo("-5,-3,a=b");
	}

	private static List<String> lines(List<String> header, List<?> row) {
		return List.of(Csv.download("x.csv", header, List.of(row)).getBody().split("\r\n"));
	}

}
