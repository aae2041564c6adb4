package io.goalpost.ingest.figures;

import java.io.Reader;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The rows of a CSV body as submissions: a header row of the JSON field names ({@code source.url} for a
 * nested one), then one figure a row, read as JSON would read the same fields. Blank rows are skipped.
 */
final class CsvFigures {

	/** Every column a header may name, in the order of the JSON fields. */
	static final List<String> COLUMNS = columns();

	private static final List<String> REQUIRED = List.of("region", "indicator", "year", "kind", "value");

	private final CsvRecords records;

	private final JsonMapper json;

	private final List<String> header;

	/** @throws CsvFormatException when the header is missing or names a column that is not a field */
	CsvFigures(Reader body, JsonMapper json) {
		this.records = new CsvRecords(body);
		this.json = json;
		this.header = records.next();
		if (header == null) {
			throw new CsvFormatException(1, "the body is empty; the first row must be a header of field names: "
					+ String.join(",", COLUMNS));
		}
		Set<String> seen = new HashSet<>();
		for (String column : header) {
			if (!COLUMNS.contains(column)) {
				throw new CsvFormatException(1, "the header names an unknown column '" + column + "'; columns are "
						+ String.join(",", COLUMNS));
			}
			if (!seen.add(column)) {
				throw new CsvFormatException(1, "the header names the column '" + column + "' twice");
			}
		}
		List<String> missing = REQUIRED.stream().filter((column) -> !seen.contains(column)).toList();
		if (!missing.isEmpty()) {
			throw new CsvFormatException(1, "the header lacks the required column(s) " + String.join(",", missing));
		}
	}

	/** @return the next figure's row, or null at the end of the body */
	Row next() {
		List<String> fields;
		do {
			fields = records.next();
			if (fields == null) {
				return null;
			}
		}
		while (fields.stream().allMatch(String::isBlank));
		long row = records.row();
		if (fields.size() != header.size()) {
			return Row.unreadable(row, new FieldError(row, null,
					"has " + fields.size() + " fields; the header has " + header.size()));
		}
		ObjectNode figure = json.createObjectNode();
		for (int i = 0; i < fields.size(); i++) {
			String value = fields.get(i);
			if (value.isEmpty()) {
				continue;
			}
			String column = header.get(i);
			int dot = column.indexOf('.');
			if (dot < 0) {
				figure.put(column, value);
			}
			else {
				ObjectNode parent = (figure.get(column.substring(0, dot)) instanceof ObjectNode node) ? node
						: figure.putObject(column.substring(0, dot));
				parent.put(column.substring(dot + 1), value);
			}
		}
		try {
			return new Row(row, json.treeToValue(figure, FigureSubmission.class), null);
		}
		catch (DatabindException ex) {
			String field = String.join(".", ex.getPath().stream().map((reference) -> reference.getPropertyName()).toList());
			return Row.unreadable(row, new FieldError(row, field, "could not be read: " + ex.getOriginalMessage()));
		}
	}

	/** One data row: its submission, or why it could not be read as one. */
	record Row(long row, FigureSubmission submission, FieldError unreadable) {

		static Row unreadable(long row, FieldError error) {
			return new Row(row, null, error);
		}

	}

	private static List<String> columns() {
		return Stream.of(FigureSubmission.class.getRecordComponents()).flatMap((component) -> {
			Class<?> type = component.getType();
			return type.isRecord() ? Stream.of(type.getRecordComponents())
				.map((nested) -> component.getName() + "." + nested.getName()) : Stream.of(component.getName());
		}).toList();
	}

}
