package io.goalpost.ingest.extraction;

/**
 * A document's attribute and where it came from: given by the client, or read from the text (which part
 * of it), or {@code null} with the reason it could not be found.
 */
public record Inferred<T>(T value, String source) {

	static <T> Inferred<T> given(T value) {
		return new Inferred<>(value, "given");
	}

	static <T> Inferred<T> notFound(String why) {
		return new Inferred<>(null, why);
	}

	public boolean known() {
		return value != null;
	}

}
