package io.goalpost.metrics.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.BAD_REQUEST;

/** Optional query parameters read the same way by every read endpoint: blank is absent, case does not matter. */
public final class QueryParams {

	private QueryParams() {
	}

	/** @throws ResponseStatusException 400 naming the parameter and the values it takes */
	public static <E extends Enum<E>> E oneOf(String name, String value, Class<E> type) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(BAD_REQUEST, name + " must be one of "
					+ Arrays.stream(type.getEnumConstants()).map((e) -> e.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))
					+ ", not '" + value + "'");
		}
	}

	/** @throws ResponseStatusException 400 for a value with U+0000, which no stored text holds (and PostgreSQL refuses) */
	public static String text(String value) {
		if (value != null && value.indexOf('\0') >= 0) {
			throw new ResponseStatusException(BAD_REQUEST, "a query parameter contains the character U+0000");
		}
		return (value == null || value.isBlank()) ? null : value.trim();
	}

}
