package io.goalpost.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Draws achieved throughput and publish → state latency against offered rate, as a small SVG. */
final class LatencyPlot {

	/** One fixed-rate run. */
	record Point(double offered, double achieved, double p50Millis, double p99Millis) {
	}

	private static final int WIDTH = 640;

	private static final int HEIGHT = 300;

	private static final int MARGIN = 50;

	private LatencyPlot() {
	}

	static void write(Path file, List<Point> points, double sustained, String caption) throws IOException {
		double maxRate = points.stream().mapToDouble(Point::offered).max().orElse(1) * 1.1;
		double maxLatency = points.stream().mapToDouble(Point::p99Millis).max().orElse(1) * 1.1;
		StringBuilder svg = new StringBuilder();
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"11\">\n"
			.formatted(WIDTH * 2 + 20, HEIGHT + 40));
		// The sustained rate can be above every rate offered: the scale takes it in, or its line is off the panel.
		double maxAchieved = Math.max(maxRate, sustained * 1.1);
		panel(svg, 0, "achieved figures/s", maxAchieved, points, Point::achieved, "#1f77b4", sustained);
		panel(svg, WIDTH + 20, "publish → state, ms (p50, p99)", maxLatency, points, Point::p50Millis, "#2ca02c", Double.NaN);
		line(svg, WIDTH + 20, maxRate, maxLatency, points, Point::p99Millis, "#d62728");
		svg.append("<text x=\"10\" y=\"%d\">%s</text>\n".formatted(HEIGHT + 30, escape(caption)));
		svg.append("</svg>\n");
		Files.createDirectories(file.toAbsolutePath().getParent());
		Files.writeString(file, svg);
	}

	private static void panel(StringBuilder svg, int x0, String title, double maxY, List<Point> points,
			java.util.function.ToDoubleFunction<Point> y, String colour, double reference) {
		double maxX = points.stream().mapToDouble(Point::offered).max().orElse(1) * 1.1;
		svg.append("<rect x=\"%d\" y=\"10\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>\n".formatted(x0 + MARGIN, WIDTH - MARGIN,
				HEIGHT - MARGIN));
		svg.append("<text x=\"%d\" y=\"24\">%s</text>\n".formatted(x0 + MARGIN + 6, escape(title)));
		svg.append("<text x=\"%d\" y=\"%d\">offered figures/s (0 – %,.0f)</text>\n".formatted(x0 + MARGIN, HEIGHT - 22, maxX));
		svg.append("<text x=\"%d\" y=\"20\">%,.0f</text>\n".formatted(x0 + 2, maxY));
		if (!Double.isNaN(reference)) {
			double yRef = 10 + (HEIGHT - MARGIN) * (1 - reference / maxY);
			svg.append("<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#aaa\" stroke-dasharray=\"4\"/>\n".formatted(x0 + MARGIN,
					x0 + WIDTH, yRef, yRef));
			svg.append("<text x=\"%d\" y=\"%.1f\">sustained %,.0f/s</text>\n".formatted(x0 + MARGIN + 6, yRef - 4, reference));
		}
		line(svg, x0, maxX, maxY, points, y, colour);
	}

	private static void line(StringBuilder svg, int x0, double maxX, double maxY, List<Point> points,
			java.util.function.ToDoubleFunction<Point> y, String colour) {
		StringBuilder path = new StringBuilder();
		for (Point p : points) {
			double px = x0 + MARGIN + (WIDTH - MARGIN) * p.offered() / maxX;
			double py = 10 + (HEIGHT - MARGIN) * (1 - y.applyAsDouble(p) / maxY);
			path.append(path.isEmpty() ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", px, py));
			svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>\n", px, py, colour));
		}
		svg.append("<path d=\"%s\" fill=\"none\" stroke=\"%s\"/>\n".formatted(path, colour));
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;");
	}

}
