package io.goalpost.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The shared seed corpus ({@code ../shared/corpus/seeds/expected.json}) turned into posts for ingest-service. */
final class SeedCorpus {

	private static final JsonMapper json = new JsonMapper();

	private final JsonNode document;

	private SeedCorpus(JsonNode document) {
		this.document = document;
	}

	static SeedCorpus document(String file) {
		Path expected = Path.of(System.getProperty("goalpost.corpus", "../../shared/corpus"), "seeds", "expected.json");
		if (!Files.isRegularFile(expected)) {
			throw new IllegalStateException("The seed corpus is not at " + expected.toAbsolutePath()
					+ "; it belongs in ../shared/corpus beside the project");
		}
		for (JsonNode document : json.readTree(expected.toFile()).get("documents")) {
			if (document.get("file").asString().equals(file)) {
				return new SeedCorpus(document);
			}
		}
		throw new IllegalArgumentException(file + " is not in " + expected);
	}

	/** The expected figures of this document that match, as a JSON array of figure submissions. */
	String figures(String kind, int year) {
		ArrayNode posts = json.createArrayNode();
		for (JsonNode figure : document.get("expected")) {
			if (figure.get("kind").asString().equals(kind) && figure.get("year").asInt() == year) {
				posts.add(post(figure));
			}
		}
		if (posts.isEmpty()) {
			throw new IllegalArgumentException("No " + kind + " of " + year + " in " + document.get("file"));
		}
		return posts.toString();
	}

	List<String> indicators(String kind, int year) {
		List<String> indicators = new ArrayList<>();
		document.get("expected").forEach((figure) -> {
			if (figure.get("kind").asString().equals(kind) && figure.get("year").asInt() == year) {
				indicators.add(figure.get("indicator").asString());
			}
		});
		return indicators;
	}

	private ObjectNode post(JsonNode figure) {
		ObjectNode post = json.createObjectNode();
		post.put("region", document.get("region").asString());
		for (String field : List.of("indicator", "kind", "comparator", "unit", "status", "sentence")) {
			if (figure.has(field)) {
				post.set(field, figure.get(field));
			}
		}
		post.put("year", figure.get("year").asInt());
		post.set("value", figure.get("value"));
		ObjectNode source = post.putObject("source");
		source.put("title", document.get("file").asString());
		source.put("publishedAt", document.get("published").asString());
		return post;
	}

}
