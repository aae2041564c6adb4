package io.goalpost.ingest.figures;

import java.util.List;
import java.util.UUID;

import io.goalpost.contract.FigureKind;
import io.goalpost.contract.FigureReported;
import io.goalpost.ingest.publishing.FigurePublisher;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/figures}: one figure or an array of them, published as one Kafka transaction. */
@RestController
class FigureController {

	private final FigureValidator validator;

	private final FigurePublisher publisher;

	FigureController(FigureValidator validator, FigurePublisher publisher) {
		this.validator = validator;
		this.publisher = publisher;
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

	record Accepted(int accepted, List<Receipt> figures) {
	}

	record Receipt(UUID eventId, String key, String indicator, int year, FigureKind kind) {
	}

}
