package io.goalpost.metrics.web;

import java.util.List;

import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.BAD_REQUEST;

/**
 * One page of a list read: every list endpoint takes {@code page} (from 0) and {@code size} and answers
 * with this. {@code hasNext} is known without counting: one row more than the page is asked for.
 */
public record Page<T>(List<T> items, int page, int size, boolean hasNext) {

	public static final int MAX_SIZE = 1000;

	/**
	 * Reads a page: {@code rows} is called with how many rows to fetch, from offset {@code page * size}.
	 */
	public static <T> Page<T> of(int page, int size, PageQuery<T> rows) {
		if (page < 0) {
			throw new ResponseStatusException(BAD_REQUEST, "page must be 0 or more, not " + page);
		}
		if (size < 1 || size > MAX_SIZE) {
			throw new ResponseStatusException(BAD_REQUEST, "size must be between 1 and " + MAX_SIZE + ", not " + size);
		}
		long offset = (long) page * size;
		if (offset > Integer.MAX_VALUE) {
			throw new ResponseStatusException(BAD_REQUEST, "page " + page + " of size " + size + " is past the end of any list");
		}
		List<T> fetched = rows.fetch((int) offset, size + 1);
		boolean hasNext = fetched.size() > size;
		return new Page<>(hasNext ? List.copyOf(fetched.subList(0, size)) : List.copyOf(fetched), page, size, hasNext);
	}

	/** Rows from an offset, at most a limit. */
	@FunctionalInterface
	public interface PageQuery<T> {

		List<T> fetch(int offset, int limit);

	}

}
