package io.goalpost.ingest.figures;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One thing wrong with a submitted figure: by the JSON path of the field ({@code [2].value}) for JSON, by
 * the row and column name for CSV ({@code row} 3, {@code value}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(Long row, String field, String message) {

	public FieldError(String field, String message) {
		this(null, field, message);
	}

}
