package io.goalpost.ingest.figures;

import java.io.Reader;
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
	void refusesARecordTooLargeForAnyFigureWithoutReadingItAll() {
		assertRefusedEarly(',', "row 2: a row has more than " + CsvRecords.MAX_FIELDS + " fields");
		assertRefusedEarly('x', "row 2: a field is longer than " + CsvRecords.MAX_FIELD + " characters");
	}

	/** A row of ten million {@code repeated} characters is refused after reading a little of it. */
	private static void assertRefusedEarly(char repeated, String message) {
		CountingReader body = new CountingReader("a,b\n", repeated, 10_000_000);
		CsvRecords records = new CsvRecords(body);
		records.next();
		assertThatThrownBy(records::next).isInstanceOf(CsvFormatException.class).hasMessage(message);
		assertThat(body.supplied).isLessThan(100_000);
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

	/** A header, then one character over and over, made as it is read. */
	private static final class CountingReader extends Reader {

		private final String head;

		private final char repeated;

		private final long length;

		long supplied;

		CountingReader(String head, char repeated, long repeats) {
			this.head = head;
			this.repeated = repeated;
			this.length = head.length() + repeats;
		}

		@Override
		public int read(char[] buffer, int offset, int count) {
			if (supplied == length) {
				return -1;
			}
			int n = (int) Math.min(count, length - supplied);
			for (int i = 0; i < n; i++, supplied++) {
				buffer[offset + i] = (supplied < head.length()) ? head.charAt((int) supplied) : repeated;
			}
			return n;
		}

		@Override
		public void close() {
		}

	}

}
