package io.goalpost.contract;

import java.util.Map;

/** A region by its pinyin slug, with the names documents use for it. */
public record Region(String id, Map<String, String> names) {

	public Region {
		names = Map.copyOf(names);
	}

}
