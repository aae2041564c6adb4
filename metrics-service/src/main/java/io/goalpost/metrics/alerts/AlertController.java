package io.goalpost.metrics.alerts;

import io.goalpost.metrics.web.Page;
import io.goalpost.support.web.Unavailable;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/v1/alerts}: stored alerts, newest first, paged; {@code GET /api/v1/alerts/stream}: every
 * published change from now on, as server-sent events. Both take the same filters: {@code state},
 * {@code kind}, {@code severity}, {@code region}, {@code indicator}, {@code year}, {@code silenced}.
 */
@RestController
class AlertController {

	private final AlertRepository alerts;

	private final AlertStream stream;

	AlertController(AlertRepository alerts, AlertStream stream) {
		this.alerts = alerts;
		this.stream = stream;
	}

	@GetMapping("/api/v1/alerts")
	Page<Alert> list(@RequestParam(required = false) String state, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String severity, @RequestParam(required = false) String region,
			@RequestParam(required = false) String indicator, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) Boolean silenced, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "100") int size) {
		AlertFilter filter = AlertFilter.of(state, kind, severity, region, indicator, year, silenced);
		return Page.of(page, size, (offset, limit) -> alerts.find(filter, offset, limit));
	}

	@GetMapping(path = "/api/v1/alerts/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter stream(@RequestParam(required = false) String state, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String severity, @RequestParam(required = false) String region,
			@RequestParam(required = false) String indicator, @RequestParam(required = false) Integer year) {
		return stream.subscribe(AlertFilter.of(state, kind, severity, region, indicator, year, null));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> tooManySubscribers(TooManySubscribersException ex) {
		return Unavailable.problem("Too many subscribers", ex.getMessage());
	}

}
