package io.goalpost.ingest.extraction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.goalpost.contract.Indicator;
import io.goalpost.contract.IndicatorCatalogue;

/**
 * The wordings of the catalogue's indicators (names in both scripts and aliases), found longest first
 * so that 规上工业企业中高新技术企业占比 is not read as 高新技术企业.
 */
final class Lexicon {

	private final Map<Character, List<Term>> byFirstChar = new HashMap<>();

	Lexicon(IndicatorCatalogue catalogue) {
		for (Indicator indicator : catalogue.indicators()) {
			List<String> wordings = new ArrayList<>(indicator.names().values());
			wordings.addAll(indicator.aliases());
			for (String wording : wordings) {
				String term = CompactText.of(ScriptNormalizer.normalize(wording), 0, wording.length()).text();
				if (!term.isEmpty() && term.chars().anyMatch((c) -> c >= 0x3400)) {
					byFirstChar.computeIfAbsent(term.charAt(0), (c) -> new ArrayList<>()).add(new Term(term, indicator));
				}
			}
		}
		byFirstChar.values().forEach((terms) -> terms.sort(Comparator.comparingInt((Term t) -> t.text().length()).reversed()));
	}

	/** Every non-overlapping mention in the text, left to right, the longest wording at each place. */
	List<Mention> mentions(String text) {
		List<Mention> mentions = new ArrayList<>();
		int i = 0;
		while (i < text.length()) {
			Term found = longestAt(text, i);
			if (found != null) {
				mentions.add(new Mention(i, i + found.text().length(), found.indicator()));
				i += found.text().length();
			}
			else {
				i++;
			}
		}
		return mentions;
	}

	private Term longestAt(String text, int at) {
		List<Term> candidates = byFirstChar.get(text.charAt(at));
		if (candidates != null) {
			for (Term term : candidates) {
				if (text.startsWith(term.text(), at)) {
					return term;
				}
			}
		}
		return null;
	}

	record Term(String text, Indicator indicator) {
	}

	/** An indicator named at [start, end) of a compact text. */
	record Mention(int start, int end, Indicator indicator) {
	}

}
