package io.goalpost.contract;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A canonical indicator of the catalogue.
 *
 * @param names display names by language tag ({@code zh-Hans}, {@code zh-Hant}, {@code en})
 * @param aliases further wordings, in Simplified script, by which documents name it
 */
public record Indicator(String id, Unit unit, Better better, Map<String, String> names, List<String> aliases) {

	public Indicator {
		names = Map.copyOf(names);
		aliases = (aliases != null) ? List.copyOf(aliases) : List.of();
	}

	public String name(String languageTag) {
		return names.getOrDefault(languageTag, id);
	}

	/** Which way is good. */
	public enum Better {
		@JsonProperty("higher") HIGHER,
		@JsonProperty("lower") LOWER
	}

}
