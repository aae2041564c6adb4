package io.goalpost.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;

/**
 * Draws achieved throughput and latency against offered rate, as a small SVG. Latency is on a logarithmic scale:
 * a few milliseconds at low rates and hundreds near the limit would otherwise leave the low rates a flat line.
 */
final class LatencyPlot {

	/** One fixed-rate phase; {@code alertP99Millis} is NaN where the phase raised no alert. */
	record Point(double offered, double achieved, double stateP50Millis, double stateP99Millis, double alertP99Millis) {
	}

	private static final int PANEL = 620;

	private static final int LEFT = 64;

	private static final int TOP = 30;

	private static final int PLOT_WIDTH = PANEL - LEFT - 16;

	private static final int PLOT_HEIGHT = 240;

	private static final String THROUGHPUT = "#1f77b4";

	private static final String STATE_P50 = "#2ca02c";

	private static final String STATE_P99 = "#d62728";

	private static final String ALERT_P99 = "#ff7f0e";

	private LatencyPlot() {
	}

	static void write(Path file, List<Point> points, double sustained, String caption) throws IOException {
		double maxX = niceCeiling(points.stream().mapToDouble(Point::offered).max().orElse(1));
		// The sustained rate is usually above every rate offered: the scale takes it in.
		double maxThroughput = niceCeiling(Math.max(maxX, sustained));
		double lowest = points.stream().mapToDouble(Point::stateP50Millis).filter((ms) -> ms > 0).min().orElse(1);
		double highest = points.stream()
			.flatMapToDouble((p) -> DoubleStream.of(p.stateP99Millis(), p.alertP99Millis()))
			.filter(Double::isFinite)
			.max()
			.orElse(10);
		int fromDecade = (int) Math.floor(Math.log10(Math.max(lowest, 0.1)));
		int toDecade = Math.max(fromDecade + 1, (int) Math.ceil(Math.log10(highest)));

		StringBuilder svg = new StringBuilder();
		svg.append(String.format(Locale.ROOT,
				"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"11\">\n",
				2 * PANEL + 24, TOP + PLOT_HEIGHT + 64));
		svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");

		Axes throughput = new Axes(0, maxX, (v) -> v / maxThroughput);
		throughput.frame(svg, "achieved figures/s against offered");
		for (double v : fifths(maxThroughput)) {
			throughput.yTick(svg, v, "%,.0f".formatted(v));
		}
		throughput.xTicks(svg);
		// Where the service keeps up, it achieves what is offered: points under this line fell behind.
		throughput.line(svg, List.of(new double[] { 0, 0 }, new double[] { maxX, maxX }), "#bbb", true);
		throughput.hLine(svg, sustained, "all at once: %,.0f/s".formatted(sustained));
		throughput.series(svg, points, Point::achieved, THROUGHPUT);

		Axes latency = new Axes(PANEL, maxX, (ms) -> (Math.log10(Math.max(ms, Math.pow(10, fromDecade))) - fromDecade) / (toDecade - fromDecade));
		latency.frame(svg, "latency, ms (logarithmic)");
		for (int d = fromDecade; d <= toDecade; d++) {
			double ms = Math.pow(10, d);
			latency.yTick(svg, ms, (ms >= 1) ? "%,.0f".formatted(ms) : "%s".formatted(ms));
		}
		latency.xTicks(svg);
		latency.series(svg, points, Point::stateP50Millis, STATE_P50);
		latency.series(svg, points, Point::stateP99Millis, STATE_P99);
		latency.series(svg, points, Point::alertP99Millis, ALERT_P99);
		latency.legend(svg, List.of("publish → state p50", "publish → state p99", "publish → alert p99"),
				List.of(STATE_P50, STATE_P99, ALERT_P99));

		svg.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"%d\">%s</text>\n", TOP + PLOT_HEIGHT + 56, escape(caption)));
		svg.append("</svg>\n");
		Files.createDirectories(file.toAbsolutePath().getParent());
		Files.writeString(file, svg);
	}

	/** One panel: offered figures/s across, {@code scale} mapping a value to 0–1 up. */
	private record Axes(int x0, double maxX, DoubleUnaryOperator scale) {

		double x(double offered) {
			return x0 + LEFT + PLOT_WIDTH * offered / maxX;
		}

		double y(double value) {
			return TOP + PLOT_HEIGHT * (1 - scale.applyAsDouble(value));
		}

		void frame(StringBuilder svg, String title) {
			svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>\n",
					x0 + LEFT, TOP, PLOT_WIDTH, PLOT_HEIGHT));
			svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" font-weight=\"bold\">%s</text>\n", x0 + LEFT, escape(title)));
			svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">offered figures/s</text>\n", x0 + LEFT + PLOT_WIDTH / 2 - 40,
					TOP + PLOT_HEIGHT + 34));
		}

		void yTick(StringBuilder svg, double value, String label) {
			double y = y(value);
			svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#eee\"/>\n", x0 + LEFT,
					x0 + LEFT + PLOT_WIDTH, y, y));
			svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n", x0 + LEFT - 4, y + 4,
					escape(label)));
		}

		void xTicks(StringBuilder svg) {
			for (double v : fifths(maxX)) {
				svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", x(v),
						TOP + PLOT_HEIGHT + 16, "%,.0f".formatted(v)));
			}
		}

		void hLine(StringBuilder svg, double value, String label) {
			double y = y(value);
			svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-dasharray=\"4\"/>\n",
					x0 + LEFT, x0 + LEFT + PLOT_WIDTH, y, y, THROUGHPUT));
			svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n", x0 + LEFT + PLOT_WIDTH - 6,
					y - 5, escape(label)));
		}

		void series(StringBuilder svg, List<Point> points, ToDoubleFunction<Point> value, String colour) {
			List<double[]> drawn = points.stream()
				.filter((p) -> Double.isFinite(value.applyAsDouble(p)))
				.map((p) -> new double[] { p.offered(), value.applyAsDouble(p) })
				.toList();
			line(svg, drawn, colour, false);
			for (double[] p : drawn) {
				svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>\n", x(p[0]), y(p[1]), colour));
			}
		}

		void line(StringBuilder svg, List<double[]> xy, String colour, boolean dashed) {
			StringBuilder path = new StringBuilder();
			for (double[] p : xy) {
				path.append(path.isEmpty() ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", x(p[0]), y(p[1])));
			}
			if (!path.isEmpty()) {
				svg.append("<path d=\"%s\" fill=\"none\" stroke=\"%s\"%s/>\n".formatted(path, colour,
						dashed ? " stroke-dasharray=\"2\"" : ""));
			}
		}

		void legend(StringBuilder svg, List<String> labels, List<String> colours) {
			for (int i = 0; i < labels.size(); i++) {
				int y = TOP + 14 + 15 * i;
				int x = x0 + LEFT + 10;
				svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"/>\n", x,
						x + 18, y - 4, y - 4, colours.get(i)));
				svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>\n", x + 24, y, escape(labels.get(i))));
			}
		}

	}

	/** 0 to {@code max} in five equal steps: the values an axis of {@link #niceCeiling} is labelled with. */
	private static double[] fifths(double max) {
		return IntStream.rangeClosed(0, 5).mapToDouble((i) -> max * i / 5).toArray();
	}

	/** 1, 2 or 5 times a power of ten, at or above {@code value}: axes that divide into five round steps. */
	private static double niceCeiling(double value) {
		double decade = Math.pow(10, Math.floor(Math.log10(value)));
		for (double step : new double[] { 1, 2, 5, 10 }) {
			if (step * decade >= value) {
				return step * decade;
			}
		}
		return 10 * decade;
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;");
	}

}
