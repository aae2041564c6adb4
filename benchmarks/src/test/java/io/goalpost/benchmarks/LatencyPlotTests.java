package io.goalpost.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

class LatencyPlotTests {

	@TempDir
	Path dir;

	@Test
	void drawsEveryMeasuredPointAndLeavesOutAPhaseWithoutAlerts() throws Exception {
		Path file = dir.resolve("plot.svg");
		LatencyPlot.write(file, List.of(new LatencyPlot.Point(1_000, 990, 4, 9, 28),
				new LatencyPlot.Point(10_000, 9_100, 15, 100, Double.NaN), new LatencyPlot.Point(40_000, 30_146, 1_691, 3_096, 3_081)),
				42_993, "Goalpost & <test>");

		Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());

		assertThat(circles(svg, "#1f77b4")).as("achieved").hasSize(3);
		assertThat(circles(svg, "#2ca02c")).as("state p50").hasSize(3);
		assertThat(circles(svg, "#d62728")).as("state p99").hasSize(3);
		assertThat(circles(svg, "#ff7f0e")).as("alert p99: none at 10,000/s").hasSize(2);
		// Throughput up to the sustained rate, rounded up; latency in decades from the lowest p50 to the highest p99.
		assertThat(texts(svg)).contains("50,000", "40,000", "1", "10", "100", "1,000", "10,000", "all at once: 42,993/s",
				"Goalpost & <test>");
		assertThat(texts(svg)).doesNotContain("0.1", "100,000");
	}

	@Test
	void higherLatencyIsDrawnHigherOnTheLogarithmicScale() throws Exception {
		Path file = dir.resolve("plot.svg");
		LatencyPlot.write(file, List.of(new LatencyPlot.Point(1_000, 1_000, 5, 50, 500)), 10_000, "one phase");

		Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());

		double p50 = y(circles(svg, "#2ca02c").getFirst());
		double p99 = y(circles(svg, "#d62728").getFirst());
		double alert = y(circles(svg, "#ff7f0e").getFirst());
		assertThat(p50).isGreaterThan(p99);
		// A decade apart each: the same distance on a logarithmic scale.
		assertThat(p50 - p99).isCloseTo(p99 - alert, offset(0.2));
	}

	private static List<Element> circles(Document svg, String colour) {
		List<Element> found = new ArrayList<>();
		NodeList all = svg.getElementsByTagName("circle");
		for (int i = 0; i < all.getLength(); i++) {
			Element circle = (Element) all.item(i);
			if (colour.equals(circle.getAttribute("fill"))) {
				found.add(circle);
			}
		}
		return found;
	}

	private static List<String> texts(Document svg) {
		List<String> texts = new ArrayList<>();
		NodeList all = svg.getElementsByTagName("text");
		for (int i = 0; i < all.getLength(); i++) {
			texts.add(all.item(i).getTextContent());
		}
		return texts;
	}

	private static double y(Element circle) {
		return Double.parseDouble(circle.getAttribute("cy"));
	}

}
