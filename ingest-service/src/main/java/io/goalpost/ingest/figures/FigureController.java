package io.goalpost.ingest.figures;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import io.goalpost.contract.FigureKind;
import io.goalpost.contract.FigureReported;
import io.goalpost.ingest.publishing.FigurePublisher;
import io.goalpost.ingest.web.ApiExamples;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/figures}: one figure or an array of them as JSON, or any number as CSV, each request
 * published as one Kafka transaction.
 */
@RestController
class FigureController {

	private final FigureValidator validator;

	private final FigurePublisher publisher;

	private final CsvIngestion csv;

	FigureController(FigureValidator validator, FigurePublisher publisher, CsvIngestion csv) {
		this.validator = validator;
		this.publisher = publisher;
		this.csv = csv;
	}

	@Operation(summary = "Publish figures, as JSON or CSV",
			description = "JSON: one figure or an array of up to goalpost.ingest.max-figures-per-request; 422 names each "
					+ "invalid field by its JSON path ([1].value); the answer lists each figure's event id. CSV: a header row "
					+ "of the JSON field names (source.title and the like for nested ones), then one figure a row, read and "
					+ "published as it arrives; 422 names the wrong rows by number (the header is row 1); the answer is the "
					+ "count. Either way one Kafka transaction: all of the request or nothing.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
			@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					array = @ArraySchema(schema = @Schema(implementation = FigureSubmission.class)),
					examples = { @ExampleObject(name = "a target", value = ApiExamples.TARGET),
							@ExampleObject(name = "a batch", value = ApiExamples.BATCH) }),
			@Content(mediaType = "text/csv", schema = @Schema(type = "string"),
					examples = @ExampleObject(name = "figures of the 2022 report", value = ApiExamples.CSV)) })
	@PostMapping(path = "/api/v1/figures", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.ACCEPTED)
	Accepted post(@RequestBody List<FigureSubmission> submissions) {
		List<FigureReported> figures = validator.validate(submissions);
		publisher.publish(figures);
		List<Receipt> receipts = figures.stream()
			.map((f) -> new Receipt(f.eventId(), f.key(), f.indicator(), f.year(), f.kind()))
			.toList();
		return new Accepted(figures.size(), receipts);
	}

	/** A header row of the JSON field names, then a figure a row; read as it arrives, UTF-8 unless said otherwise. */
	// Documented with the JSON form: one operation with two media types.
	@Operation(hidden = true)
	@PostMapping(path = "/api/v1/figures", consumes = "text/csv")
	@ResponseStatus(HttpStatus.ACCEPTED)
	AcceptedRows postCsv(InputStream body, @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType type) {
		Charset charset = (type.getCharset() != null) ? type.getCharset() : StandardCharsets.UTF_8;
		return new AcceptedRows(csv.ingest(new InputStreamReader(body, charset)));
	}

	record Accepted(int accepted, List<Receipt> figures) {
	}

	/** The answer to a CSV body: how many figures it held, all published. */
	record AcceptedRows(long accepted) {
	}

	record Receipt(UUID eventId, String key, String indicator, int year, FigureKind kind) {
	}

}
