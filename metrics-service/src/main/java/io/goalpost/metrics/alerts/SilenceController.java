package io.goalpost.metrics.alerts;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.goalpost.contract.AlertChanged;
import io.goalpost.contract.AlertKind;
import io.goalpost.metrics.web.Page;
import io.goalpost.metrics.web.QueryParams;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Silences, as Alertmanager has them: {@code POST /api/v1/silences} with label matchers, an end and a
 * comment; {@code GET} lists them; {@code DELETE /api/v1/silences/{id}} ends one at once, and the changes it
 * held back are published.
 */
@RestController
class SilenceController {

	/** The labels an alert carries, and so the only names a matcher can use. */
	static final Set<String> LABELS = AlertChanged.labels(AlertKind.TARGET_MISSED, "r", "i", 0).keySet();

	private static final int MAX_COMMENT = 1000;

	private static final int MAX_MATCHERS = 20;

	/** Long enough for any label value, or an alternation of a few dozen of them. */
	private static final int MAX_MATCHER_VALUE = 1000;

	private static final int MAX_CREATED_BY = 200;

	/** ISO 8601's four-digit years: room for any silence, and well inside what PostgreSQL and its driver store. */
	private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

	private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

	private final SilenceRepository silences;

	private final int maxSilences;

	private final AlertSweeper sweeper;

	private final Clock clock;

	SilenceController(SilenceRepository silences, AlertSweeper sweeper, AlertProperties properties, Clock clock) {
		this.silences = silences;
		this.maxSilences = properties.maxSilences();
		this.sweeper = sweeper;
		this.clock = clock;
	}

	@Operation(summary = "Silence alerts that match labels until a time",
			description = "Matchers on the labels region, indicator, year, kind and severity (isRegex, isEqual as in "
					+ "Alertmanager; a regular expression is RE2's syntax and matches the whole value). Matching changes are "
					+ "stored and marked silenced, not published, while it lasts.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
			schema = @Schema(implementation = NewSilence.class), examples = @ExampleObject(name = "Chongqing's high-tech enterprises",
					value = """
							{"matchers":[{"name":"region","value":"chongqing"},{"name":"indicator","value":"high_tech_enterprises"}],
							 "endsAt":"2027-12-31T00:00:00+08:00","comment":"2022 figures under review"}
							""")))
	@PostMapping("/api/v1/silences")
	ResponseEntity<SilenceView> create(@RequestBody NewSilence request) {
		Instant now = clock.instant();
		Silence silence = validate(request, now);
		// Counted, then inserted: two requests at once may pass the limit by one, which is harmless.
		if (silences.countUnended(now) >= maxSilences) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "There are " + maxSilences
					+ " silences pending or active, the limit (goalpost.alerts.max-silences). End one (DELETE /api/v1/silences/{id}) first.");
			problem.setTitle("Too many silences");
			throw new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
		}
		silences.insert(silence);
		return ResponseEntity.created(URI.create("/api/v1/silences/" + silence.silenceId()))
			.body(SilenceView.of(silence, now));
	}

	@GetMapping("/api/v1/silences")
	Page<SilenceView> list(@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "100") int size) {
		Silence.Status wanted = QueryParams.oneOf("status", status, Silence.Status.class);
		Instant now = clock.instant();
		return Page.of(page, size,
				(offset, limit) -> silences.find(wanted, now, offset, limit).stream().map((s) -> SilenceView.of(s, now)).toList());
	}

	@GetMapping("/api/v1/silences/{id}")
	SilenceView get(@PathVariable UUID id) {
		return silences.find(id).map((s) -> SilenceView.of(s, clock.instant())).orElseThrow(() -> notFound(id));
	}

	@DeleteMapping("/api/v1/silences/{id}")
	ResponseEntity<Void> expire(@PathVariable UUID id) {
		if (silences.find(id).isEmpty()) {
			throw notFound(id);
		}
		if (silences.expire(id, clock.instant())) {
			sweeper.releaseSilenced();
		}
		return ResponseEntity.noContent().build();
	}

	private Silence validate(NewSilence request, Instant now) {
		List<Map<String, String>> errors = new ArrayList<>();
		if (request.matchers() == null || request.matchers().isEmpty()) {
			errors.add(error("matchers", "at least one matcher is required; a silence of everything is not allowed"));
		}
		else if (request.matchers().size() > MAX_MATCHERS) {
			errors.add(error("matchers", "must be at most " + MAX_MATCHERS));
		}
		else {
			for (int i = 0; i < request.matchers().size(); i++) {
				Silence.Matcher matcher = request.matchers().get(i);
				String at = "matchers[" + i + "]";
				if (matcher == null || matcher.name() == null || !LABELS.contains(matcher.name())) {
					errors.add(error(at + ".name", "must be one of " + LABELS));
				}
				if (matcher == null || matcher.value() == null) {
					errors.add(error(at + ".value", "is required"));
				}
				else if (text(at + ".value", matcher.value(), MAX_MATCHER_VALUE, errors) && matcher.isRegex()) {
					try {
						Pattern.compile(matcher.value());
					}
					catch (PatternSyntaxException ex) {
						errors.add(error(at + ".value", "is not a regular expression: " + ex.getDescription()));
					}
				}
			}
		}
		Instant startsAt = instant(request.startsAt(), "startsAt", errors);
		Instant endsAt = instant(request.endsAt(), "endsAt", errors);
		if (request.endsAt() == null) {
			errors.add(error("endsAt", "is required: a silence must end"));
		}
		else if (endsAt != null && !endsAt.isAfter((startsAt != null) ? startsAt : now)) {
			errors.add(error("endsAt", "must be after startsAt (or now)"));
		}
		if (request.comment() == null || request.comment().isBlank()) {
			errors.add(error("comment", "is required: say why"));
		}
		else {
			text("comment", request.comment(), MAX_COMMENT, errors);
		}
		if (request.createdBy() != null) {
			text("createdBy", request.createdBy(), MAX_CREATED_BY, errors);
		}
		if (!errors.isEmpty()) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
					errors.size() + " thing(s) wrong with the silence");
			problem.setTitle("Invalid silence");
			problem.setProperty("errors", errors);
			throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
		}
		return new Silence(UUID.randomUUID(), request.matchers(), (startsAt != null) ? startsAt : now, endsAt,
				request.comment().strip(), request.createdBy(), now);
	}

	private static Instant instant(String value, String field, List<Map<String, String>> errors) {
		if (value == null) {
			return null;
		}
		Instant instant;
		try {
			instant = OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException ex) {
			errors.add(error(field, "must be a date-time with offset, as 2026-12-01T09:00:00+08:00"));
			return null;
		}
		if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
			errors.add(error(field, "must be in the years 1 to 9999"));
			return null;
		}
		return instant;
	}

	/** @return whether {@code value} is short enough, and free of U+0000, which PostgreSQL does not store in text */
	private static boolean text(String field, String value, int max, List<Map<String, String>> errors) {
		if (value.length() > max) {
			errors.add(error(field, "must be at most " + max + " characters"));
			return false;
		}
		if (value.indexOf('\0') >= 0) {
			errors.add(error(field, "contains the character U+0000, which cannot be stored"));
			return false;
		}
		return true;
	}

	private static Map<String, String> error(String field, String message) {
		return Map.of("field", field, "message", message);
	}

	private static ResponseStatusException notFound(UUID id) {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "No silence " + id);
	}

	/** A silence as posted; only {@code endsAt}, {@code comment} and one matcher are required. */
	record NewSilence(List<Silence.Matcher> matchers, String startsAt, String endsAt, String comment, String createdBy) {
	}

	/** A silence with its status now. */
	record SilenceView(UUID silenceId, List<Silence.Matcher> matchers, Instant startsAt, Instant endsAt,
			String comment, String createdBy, Instant createdAt, Silence.Status status) {

		static SilenceView of(Silence silence, Instant now) {
			return new SilenceView(silence.silenceId(), silence.matchers(), silence.startsAt(), silence.endsAt(),
					silence.comment(), silence.createdBy(), silence.createdAt(), silence.status(now));
		}

	}

}
