package io.goalpost.metrics.series;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Rows sent to PostgreSQL as one array per column and read back with {@code unnest}: a whole batch is one
 * parameterised statement whose text does not depend on the batch size, so the server parses and plans it
 * once per connection, and a batch costs one round trip. Every value travels as text and is cast to its
 * column's type by the server, but for {@code bytea}, which travels as the bytes themselves: a JSON payload
 * as text would be quoted into an array literal and parsed back out of it.
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
