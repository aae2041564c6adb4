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
