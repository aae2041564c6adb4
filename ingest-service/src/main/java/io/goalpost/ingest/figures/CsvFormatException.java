package io.goalpost.ingest.figures;

/** The body is not CSV as RFC 4180 writes it, or its header is not one of figures; nothing was published. */
public class CsvFormatException extends RuntimeException {

	private final long row;

	CsvFormatException(long row, String message) {
		super("row " + row + ": " + message);
		this.row = row;
	}

	public long row() {
		return row;
	}

}
