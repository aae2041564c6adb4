package io.goalpost.metrics.figures;

import io.goalpost.metrics.web.Page;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DeadLetterController {

	private final DeadLetterLog log;

	DeadLetterController(DeadLetterLog log) {
		this.log = log;
	}

	/** {@code GET /api/v1/dead-letters}: the records that could not be applied, newest first, paged. */
	@GetMapping("/api/v1/dead-letters")
	Page<DeadLetterLog.DeadLetter> recent(@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "100") int size) {
		return Page.of(page, size, log::recent);
	}

}
