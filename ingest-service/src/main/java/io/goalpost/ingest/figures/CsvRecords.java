package io.goalpost.ingest.figures;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV as RFC 4180 writes it (quoted fields may hold commas, quotes and line breaks; CRLF or LF), one
 * record at a time, so that a file of any length is read in constant memory. A byte-order mark at the start
 * is skipped, since spreadsheets write one.
 */
final class CsvRecords {

	/** A field longer than this is not a figure; stop before it fills the heap. */
	static final int MAX_FIELD = 8192;

	/** Nor is a record of more fields than this, several times the columns a figure has: a row of commas is cheap to send. */
	static final int MAX_FIELDS = 64;

	private final Reader in;

	private final char[] buffer = new char[16384];

	private int position;

	private int limit;

	private long row;

	private boolean started;

	CsvRecords(Reader in) {
		this.in = in;
	}

	/** The row of the record last returned, counting from 1 as a spreadsheet shows it. */
	long row() {
		return row;
	}

	/** @return the next record's fields, or null at the end of the input */
	List<String> next() {
		int c = read();
		if (!started) {
			started = true;
			if (c == '\uFEFF') {
				c = read();
			}
		}
		if (c < 0) {
			return null;
		}
		row++;
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		while (true) {
			if (c == '"' && field.isEmpty()) {
				c = quoted(field);
			}
			else {
				while (c >= 0 && c != ',' && c != '\n' && c != '\r') {
					append(field, c);
					c = read();
				}
			}
			if (fields.size() == MAX_FIELDS) {
				throw new CsvFormatException(row, "a row has more than " + MAX_FIELDS + " fields");
			}
			fields.add(field.toString());
			field.setLength(0);
			if (c == ',') {
				c = read();
				continue;
			}
			if (c == '\r' && (c = read()) != '\n' && c >= 0) {
				position--;
			}
			return fields;
		}
	}

	/** Reads a quoted field after its opening quote; returns the character after the closing one. */
	private int quoted(StringBuilder field) {
		long opened = row;
		while (true) {
			int c = read();
			if (c < 0) {
				throw new CsvFormatException(opened, "a quoted field opened in this row is never closed");
			}
			if (c == '"') {
				c = read();
				if (c != '"') {
					if (c >= 0 && c != ',' && c != '\n' && c != '\r') {
						throw new CsvFormatException(opened, "a closing quote must end its field; write a quote inside one as \"\"");
					}
					return c;
				}
			}
			append(field, c);
		}
	}

	private void append(StringBuilder field, int c) {
		if (field.length() >= MAX_FIELD) {
			throw new CsvFormatException(row, "a field is longer than " + MAX_FIELD + " characters");
		}
		field.append((char) c);
	}

	private int read() {
		if (position == limit) {
			try {
				int n = in.read(buffer);
				if (n <= 0) {
					return -1;
				}
				position = 0;
				limit = n;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return buffer[position++];
	}

}
