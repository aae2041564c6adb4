package io.goalpost.ingest.figures;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvRecordsTests {

	@Test
	void readsQuotedFieldsWithCommasQuotesAndLineBreaksAndCountsRowsAsASpreadsheetDoes() {
		CsvRecords records = new CsvRecords(new StringReader(
				"\uFEFFa,b,c\r\n1,\"x, \"\"y\"\"\",\r\n\"two\nlines\",,3\nlast,\"\",z"));

		assertThat(records.next()).containsExactly("a", "b", "c");
		assertThat(records.next()).containsExactly("1", "x, \"y\"", "");
		assertThat(records.row()).isEqualTo(2);
		assertThat(records.next()).containsExactly("two\nlines", "", "3");
		assertThat(records.next()).containsExactly("last", "", "z");
		assertThat(records.row()).isEqualTo(4);
		assertThat(records.next()).isNull();
	}

	@Test
	void readsRecordsAcrossItsBufferBoundaries() {
		StringBuilder csv = new StringBuilder();
		for (int i = 0; i < 5000; i++) {
			csv.append(i).append(",\"q").append(i).append("\"\r\n");
		}
		CsvRecords records = new CsvRecords(new StringReader(csv.toString()));
		List<List<String>> all = new ArrayList<>();
		for (List<String> record = records.next(); record != null; record = records.next()) {
			all.add(record);
		}
		assertThat(all).hasSize(5000);
		assertThat(all.get(4321)).containsExactly("4321", "q4321");
	}

	@Test
	void namesTheRowOfAQuoteLeftOpenOrMisplaced() {
		CsvRecords open = new CsvRecords(new StringReader("a,b\n1,\"never closed\n2,3\n"));
		open.next();
		assertThatThrownBy(open::next).isInstanceOf(CsvFormatException.class)
			.hasMessage("row 2: a quoted field opened in this row is never closed");

		CsvRecords misplaced = new CsvRecords(new StringReader("\"a\"b,c\n"));
		assertThatThrownBy(misplaced::next).isInstanceOf(CsvFormatException.class).hasMessageStartingWith("row 1: a closing quote");
	}

}
