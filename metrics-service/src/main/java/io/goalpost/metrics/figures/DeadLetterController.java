package io.goalpost.metrics.figures;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DeadLetterController {

	private final DeadLetterLog log;

	DeadLetterController(DeadLetterLog log) {
		this.log = log;
	}

	/** {@code GET /api/v1/dead-letters}: the latest records that could not be applied, newest first. */
	@GetMapping("/api/v1/dead-letters")
	List<DeadLetterLog.DeadLetter> recent(@RequestParam(defaultValue = "100") int limit) {
		return log.recent(Math.clamp(limit, 1, 1000));
	}

}
