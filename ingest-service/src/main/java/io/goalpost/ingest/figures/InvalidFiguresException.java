package io.goalpost.ingest.figures;

import java.util.List;

/** Submitted figures that break the catalogue's rules; nothing of the request was published. */
public class InvalidFiguresException extends RuntimeException {

	private final List<FieldError> errors;

	public InvalidFiguresException(List<FieldError> errors) {
		super(errors.size() + " invalid field(s): " + errors.getFirst().field() + " " + errors.getFirst().message());
		this.errors = List.copyOf(errors);
	}

	public List<FieldError> errors() {
		return errors;
	}

}
