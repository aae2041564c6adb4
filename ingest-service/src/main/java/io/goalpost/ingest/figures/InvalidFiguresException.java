package io.goalpost.ingest.figures;

import java.util.List;

/** Submitted figures that break the catalogue's rules; nothing of the request was published. */
public class InvalidFiguresException extends RuntimeException {

	private final List<FieldError> errors;

	private final long total;

	public InvalidFiguresException(List<FieldError> errors) {
		this(errors, errors.size());
	}

	/** @param total how many errors there were, when {@code errors} holds only the first of them */
	public InvalidFiguresException(List<FieldError> errors, long total) {
		super(total + " invalid field(s): " + describe(errors.getFirst()));
		this.errors = List.copyOf(errors);
		this.total = total;
	}

	private static String describe(FieldError error) {
		return ((error.row() != null) ? "row " + error.row() + " " : "") + ((error.field() != null) ? error.field() + " " : "")
				+ error.message();
	}

	public List<FieldError> errors() {
		return errors;
	}

	public long total() {
		return total;
	}

}
