package io.goalpost.ingest.figures;

/** One thing wrong with a submitted figure, by the JSON path of the field ({@code [2].value}). */
public record FieldError(String field, String message) {
}
