package io.goalpost.ingest.documents;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import io.goalpost.contract.IndicatorCatalogue;
import io.goalpost.ingest.extraction.DocumentInput;
import io.goalpost.ingest.extraction.FigureExtractor;
import io.goalpost.ingest.figures.FieldError;
import io.goalpost.ingest.figures.FigureValidator;
import io.goalpost.ingest.figures.IngestProperties;
import io.goalpost.ingest.figures.InvalidFiguresException;
import io.goalpost.ingest.web.ApiExamples;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code POST /api/v1/documents}: an article or report as {@code text/plain}, {@code text/html} or JSON
 * {@code {text, title, url, publisher, publishedAt, region}}. Answers with the figures found; publishes
 * them (one Kafka transaction per document) unless {@code ?dryRun=true}. Bodies over
 * {@code goalpost.http.max-body-size} are refused before they are read (413).
 */
@RestController
class DocumentController {

	private final DocumentIngestion ingestion;

	private final FigureValidator validator;

	private final IngestProperties properties;

	DocumentController(DocumentIngestion ingestion, FigureValidator validator, IngestProperties properties) {
		this.ingestion = ingestion;
		this.validator = validator;
		this.properties = properties;
	}

	@Operation(summary = "Read the figures out of an article or report",
			description = "The text as published, Simplified or Traditional script, plain or HTML; or JSON with the title, "
					+ "url, publisher, publication date and region given rather than inferred (all but text optional). Answers "
					+ "with every figure found, its source sentence, and how the date, region, title and publisher were "
					+ "inferred; publishes them in one Kafka transaction unless dryRun.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
			@Content(mediaType = MediaType.TEXT_PLAIN_VALUE, schema = @Schema(type = "string"),
					examples = @ExampleObject(name = "from the 2022 report", value = ApiExamples.DOCUMENT_TEXT)),
			@Content(mediaType = MediaType.TEXT_HTML_VALUE, schema = @Schema(type = "string")),
			@Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = DocumentSubmission.class),
					examples = @ExampleObject(name = "a sentence of the 2022 report", value = ApiExamples.DOCUMENT_JSON)) })
	@PostMapping(path = "/api/v1/documents", consumes = { MediaType.TEXT_PLAIN_VALUE, MediaType.TEXT_HTML_VALUE })
	ResponseEntity<DocumentReading> postText(@RequestBody byte[] body,
			@Parameter(hidden = true) @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType contentType,
			@Parameter(description = "read and answer, publish nothing") @RequestParam(defaultValue = "false") boolean dryRun) {
		String text = decode(body, contentType);
		boolean html = contentType.isCompatibleWith(MediaType.TEXT_HTML);
		return answer(ingestion.read(new DocumentInput(text, html, null, null, null, null), null, dryRun));
	}

	// Documented with the text form: one operation with three media types.
	@Operation(hidden = true)
	@PostMapping(path = "/api/v1/documents", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<DocumentReading> postJson(@RequestBody DocumentSubmission document,
			@RequestParam(defaultValue = "false") boolean dryRun) {
		if (document.text() == null || document.text().isBlank()) {
			throw new InvalidFiguresException(List.of(new FieldError("text", "is required")));
		}
		LocalDate publishedOn;
		try {
			var time = validator.publicationTime(document.publishedAt());
			publishedOn = (time != null) ? time.atZoneSameInstant(properties.defaultZone()).toLocalDate() : null;
		}
		catch (DateTimeParseException ex) {
			throw new InvalidFiguresException(List.of(new FieldError("publishedAt", FigureValidator.PUBLISHED_AT_FORMAT)));
		}
		DocumentInput input = new DocumentInput(document.text(), false, document.title(), document.publisher(), publishedOn,
				document.region());
		return answer(ingestion.read(input, document.url(), dryRun));
	}

	private ResponseEntity<DocumentReading> answer(DocumentReading reading) {
		return ResponseEntity.status(reading.dryRun() ? HttpStatus.OK : HttpStatus.ACCEPTED).body(reading);
	}

	private String decode(byte[] body, MediaType contentType) {
		Charset charset = (contentType.getCharset() != null) ? contentType.getCharset() : StandardCharsets.UTF_8;
		try {
			return charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(body))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"The body is not valid " + charset.name() + " text; send UTF-8 or name the charset in Content-Type.");
		}
	}

	@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
	static class ExtractorConfiguration {

		@Bean
		FigureExtractor figureExtractor(IndicatorCatalogue catalogue, IngestProperties properties) {
			return new FigureExtractor(catalogue, properties.extractionTimeBudget());
		}

	}

}
