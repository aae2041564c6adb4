package io.goalpost.ingest.figures;

import java.io.IOException;
import java.time.Duration;

/** A CSV body was still arriving when its time was up ({@link TimeLimitedReader}). */
public class UploadTooSlowException extends IOException {

	UploadTooSlowException(Duration limit) {
		super("The CSV body was still arriving after " + limit.toSeconds()
				+ " s (goalpost.ingest.csv-upload-time-limit); nothing of it was published. Send it faster, or in parts.");
	}

}
