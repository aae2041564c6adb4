package io.goalpost.contract;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCodecTests {

	private static final Source SOURCE = new Source("政府工作报告", "https://www.cq.gov.cn/report", "重庆市人民政府",
			OffsetDateTime.parse("2022-01-17T00:00:00+08:00"));

	@Test
	void roundTripsAFigure() {
		FigureReported figure = figure(new BigDecimal("5500"));
		assertThat(EventCodec.read(EventCodec.write(figure), FigureReported.class)).isEqualTo(figure);
	}

	@Test
	void writesWhatTheSchemaDeclaresAndNothingElse() {
		assertMatchesSchema(EventCodec.write(figure(new BigDecimal("2.3"))), "figure-reported.v1.json");
		AlertKind kind = AlertKind.TARGET_AT_RISK;
		AlertChanged alert = new AlertChanged(AlertChanged.fingerprintOf(kind, "chongqing", "high_tech_enterprises", 2022),
				UUID.randomUUID(), kind, kind.severity(), AlertState.FIRING, "chongqing", "high_tech_enterprises", 2022,
				AlertChanged.labels(kind, "chongqing", "high_tech_enterprises", 2022), new AlertChanged.Summary("风险", "at risk"),
				Comparator.GT, new BigDecimal("5500"), null, new BigDecimal("392"), "count",
				new AlertChanged.Projection("linear-trend", 2019, 2021, 3, new BigDecimal("400"), new BigDecimal("5108")),
				Instant.now(), null);
		assertMatchesSchema(EventCodec.write(alert), "alert-changed.v2.json");
		assertThat(EventCodec.read(EventCodec.write(alert), AlertChanged.class)).isEqualTo(alert);
	}

	@Test
	void fingerprintsAreStableAndDifferByKindAndSeries() {
		String missed = AlertChanged.fingerprintOf(AlertKind.TARGET_MISSED, "chongqing", "high_tech_enterprises", 2022);
		assertThat(missed).matches("[0-9a-f]{16}")
			.isEqualTo(AlertChanged.fingerprintOf(AlertKind.TARGET_MISSED, "chongqing", "high_tech_enterprises", 2022))
			.isNotEqualTo(AlertChanged.fingerprintOf(AlertKind.TARGET_AT_RISK, "chongqing", "high_tech_enterprises", 2022))
			.isNotEqualTo(AlertChanged.fingerprintOf(AlertKind.TARGET_MISSED, "chongqing", "high_tech_enterprises", 2023));
	}

	@Test
	void writesEnumsAndTimesAsTheSchemaSpellsThem() {
		JsonNode json = new JsonMapper().readTree(EventCodec.write(figure(BigDecimal.ONE)));
		assertThat(json.get("kind").asString()).isEqualTo("target");
		assertThat(json.get("comparator").asString()).isEqualTo("gt");
		assertThat(json.get("reportedAt").asString()).isEqualTo("2022-01-18T04:50:41Z");
		assertThat(json.get("source").get("publishedAt").asString()).isEqualTo("2022-01-17T00:00:00+08:00");
	}

	@Test
	void rejectsBytesThatAreNotTheEvent() {
		assertThatThrownBy(() -> EventCodec.read("{not json".getBytes(), FigureReported.class))
			.isInstanceOf(EventCodec.MalformedEventException.class);
		assertThatThrownBy(() -> EventCodec.read("{\"eventId\":\"x\",\"surprise\":1}".getBytes(), FigureReported.class))
			.isInstanceOf(EventCodec.MalformedEventException.class);
	}

	@Test
	void givesTheSameFigureFromTheSameSourceTheSameId() {
		UUID first = FigureReported.idOf("chongqing", "tech_smes", 2022, FigureKind.TARGET, Comparator.GT,
				new BigDecimal("40000"), null, SOURCE);
		UUID again = FigureReported.idOf("chongqing", "tech_smes", 2022, FigureKind.TARGET, Comparator.GT,
				new BigDecimal("4.0E+4"), null, SOURCE);
		UUID otherValue = FigureReported.idOf("chongqing", "tech_smes", 2022, FigureKind.TARGET, Comparator.GT,
				new BigDecimal("40001"), null, SOURCE);
		UUID otherSource = FigureReported.idOf("chongqing", "tech_smes", 2022, FigureKind.TARGET, Comparator.GT,
				new BigDecimal("40000"), null, Source.UNKNOWN);
		assertThat(again).isEqualTo(first);
		assertThat(Set.of(first, otherValue, otherSource)).hasSize(3);
	}

	private static FigureReported figure(BigDecimal value) {
		return new FigureReported(UUID.randomUUID(), "chongqing", "high_tech_enterprises", 2022, FigureKind.TARGET,
				Comparator.GT, value, "count", null, SOURCE, "高新技术企业突破5500家",
				Instant.parse("2022-01-18T04:50:41Z"));
	}

	@Test
	void theYearsAFigureMayBeOfAreTheSchemas() {
		JsonNode year = schema("figure-reported.v1.json").at("/properties/year");
		assertThat(year.get("minimum").asInt()).isEqualTo(FigureReported.MIN_YEAR);
		assertThat(year.get("maximum").asInt()).isEqualTo(FigureReported.MAX_YEAR);
		assertThat(FigureReported.yearInRange(FigureReported.MIN_YEAR)).isTrue();
		assertThat(FigureReported.yearInRange(FigureReported.MAX_YEAR)).isTrue();
		assertThat(FigureReported.yearInRange(FigureReported.MIN_YEAR - 1)).isFalse();
		assertThat(FigureReported.yearInRange(FigureReported.MAX_YEAR + 1)).isFalse();
	}

	@Test
	void aValueIsTooFineOnlyPastSixDecimalPlacesTrailingZerosAside() {
		assertThat(FigureReported.tooFine(new BigDecimal("5500"))).isFalse();
		assertThat(FigureReported.tooFine(new BigDecimal("2.000001"))).isFalse();
		assertThat(FigureReported.tooFine(new BigDecimal("2.10000000000"))).isFalse();
		assertThat(FigureReported.tooFine(new BigDecimal("2.0000001"))).isTrue();
		assertThat(FigureReported.tooFine(new BigDecimal("1e-999999999"))).isTrue();
	}

	@Test
	void aValueIsTooLargePastATrillionEitherSideOfZero() {
		assertThat(FigureReported.tooLarge(new BigDecimal("1e12"))).isFalse();
		assertThat(FigureReported.tooLarge(new BigDecimal("-1e12"))).isFalse();
		assertThat(FigureReported.tooLarge(new BigDecimal("1000000000000.000001"))).isTrue();
		assertThat(FigureReported.tooLarge(new BigDecimal("-1e999999999"))).isTrue();
	}

	private static JsonNode schema(String name) {
		try (InputStream in = EventCodec.class.getResourceAsStream("schemas/" + name)) {
			return new JsonMapper().readTree(in);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void assertMatchesSchema(byte[] event, String schema) {
		JsonNode json = new JsonMapper().readTree(event);
		JsonNode schemaNode = schema(schema);
		Set<String> declared = new HashSet<>(schemaNode.get("properties").propertyNames());
		Set<String> written = new HashSet<>(json.propertyNames());
		assertThat(written).isEqualTo(declared);
		schemaNode.get("required").forEach((field) -> assertThat(json.get(field.asString()).isNull())
			.as("required field %s", field.asString())
			.isFalse());
	}

}
