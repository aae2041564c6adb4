package io.goalpost.metrics.series;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Rows sent to PostgreSQL as one array per column and read back with {@code unnest}: a whole batch is one
 * parameterised statement whose text does not depend on the batch size, so the server parses and plans it
 * once per connection, and a batch costs one round trip. Every value travels as text and is cast to its
 * column's type by the server, but for {@code bytea}, which travels as the bytes themselves: a JSON payload
 * as text would be quoted into an array literal and parsed back out of it. The same columns can also be
 * written as {@code COPY} text ({@link #copyText}), for rows that need no {@code ON CONFLICT}.
 *
 * @param <T> the row
 */
public final class Unnest<T> {

	private final List<Column<T>> columns;

	@SafeVarargs
	public Unnest(Column<T>... columns) {
		this.columns = List.of(columns);
	}

	/** A column: its SQL type and how to read it from a row ({@code null} for SQL NULL). */
	public record Column<T>(String type, Function<T, ?> value) {

		public static <T> Column<T> of(String type, Function<T, ?> value) {
			return new Column<>(type, value);
		}

	}

	/** {@code unnest(CAST(? AS type[]), …)}, one parameter per column. */
	public String call() {
		return columns.stream()
			.map((column) -> "CAST(? AS " + column.type() + "[])")
			.collect(Collectors.joining(", ", "unnest(", ")"));
	}

	/**
	 * The same rows in {@code COPY}'s text format, the columns in the order given: for a batch that can go
	 * straight into its table, which costs the server less than reading it back out of arrays.
	 */
	public byte[] copyText(Collection<? extends T> rows) {
		// Room for a figure's row (about 230 characters in the benchmark) without growing; a much larger guess would
		// make a poll's buffer a humongous object for G1 (half a region: 512 KiB with a 512 MiB heap).
		StringBuilder text = new StringBuilder(rows.size() * 24 * columns.size());
		for (T row : rows) {
			for (int c = 0; c < columns.size(); c++) {
				if (c > 0) {
					text.append('\t');
				}
				Object v = columns.get(c).value().apply(row);
				if (v == null) {
					text.append("\\N");
				}
				else if (v instanceof byte[] bytes) {
					text.append("\\\\x").append(HexFormat.of().formatHex(bytes));
				}
				else {
					escape(v.toString(), text);
				}
			}
			text.append('\n');
		}
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** Appends the value, escaped for COPY's text format: a run without anything to escape goes in whole. */
	private static void escape(String value, StringBuilder text) {
		int from = 0;
		for (int i = 0; i < value.length(); i++) {
			String escaped = switch (value.charAt(i)) {
				case '\\' -> "\\\\";
				case '\t' -> "\\t";
				case '\n' -> "\\n";
				case '\r' -> "\\r";
				default -> null;
			};
			if (escaped != null) {
				text.append(value, from, i).append(escaped);
				from = i + 1;
			}
		}
		text.append(value, from, value.length());
	}

	/** The parameters of {@link #call()} for these rows: one array per column, in row order. */
	public Object[] arrays(Collection<? extends T> rows) {
		Object[] arrays = new Object[columns.size()];
		for (int c = 0; c < columns.size(); c++) {
			Column<T> column = columns.get(c);
			Object[] values = "bytea".equals(column.type()) ? new byte[rows.size()][] : new String[rows.size()];
			int r = 0;
			for (T row : rows) {
				Object v = column.value().apply(row);
				values[r++] = (v == null || v instanceof byte[]) ? v : v.toString();
			}
			arrays[c] = values;
		}
		return arrays;
	}

}
