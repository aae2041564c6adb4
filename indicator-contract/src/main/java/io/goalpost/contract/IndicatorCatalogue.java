package io.goalpost.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The canonical indicators and regions both services agree on, read from {@code indicators.yml}. */
public final class IndicatorCatalogue {

	private static final String RESOURCE = "indicators.yml";

	private final Map<String, Indicator> indicators;

	private final Map<String, Region> regions;

	private IndicatorCatalogue(List<Indicator> indicators, List<Region> regions) {
		this.indicators = new LinkedHashMap<>();
		indicators.forEach((indicator) -> this.indicators.put(indicator.id(), indicator));
		this.regions = new LinkedHashMap<>();
		regions.forEach((region) -> this.regions.put(region.id(), region));
	}

	/** The catalogue shipped with this contract. */
	public static IndicatorCatalogue standard() {
		try (InputStream in = IndicatorCatalogue.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(RESOURCE + " is missing from the classpath");
			}
			return read(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static IndicatorCatalogue read(InputStream yaml) {
		Document document = YAMLMapper.builder()
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.build()
			.readValue(yaml, Document.class);
		return new IndicatorCatalogue(document.indicators(), document.regions());
	}

	public Optional<Indicator> indicator(String id) {
		return Optional.ofNullable(indicators.get(id));
	}

	public Collection<Indicator> indicators() {
		return indicators.values();
	}

	public Optional<Region> region(String id) {
		return Optional.ofNullable(regions.get(id));
	}

	public Collection<Region> regions() {
		return regions.values();
	}

	private record Document(List<Indicator> indicators, List<Region> regions) {
	}

}
