package io.goalpost.metrics.alerts;

import java.util.List;
import java.util.Locale;

import io.goalpost.contract.AlertState;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.BAD_REQUEST;

@RestController
class AlertController {

	private final AlertRepository alerts;

	AlertController(AlertRepository alerts) {
		this.alerts = alerts;
	}

	/** {@code GET /api/v1/alerts?state=firing|resolved&region=chongqing}, newest first. */
	@GetMapping("/api/v1/alerts")
	List<Alert> list(@RequestParam(required = false) String state, @RequestParam(required = false) String region,
			@RequestParam(defaultValue = "500") int limit) {
		return alerts.find(parse(state), region, Math.clamp(limit, 1, 5000));
	}

	private static AlertState parse(String state) {
		if (state == null || state.isBlank()) {
			return null;
		}
		try {
			return AlertState.valueOf(state.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(BAD_REQUEST, "state must be firing or resolved, not '" + state + "'");
		}
	}

}
