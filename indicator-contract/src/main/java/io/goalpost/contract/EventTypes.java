package io.goalpost.contract;

/**
 * CloudEvents types and the Kafka protocol binding's header names (binary mode: the data is the record
 * value, the attributes are {@code ce_*} headers). A type's version suffix changes only with an
 * incompatible schema change.
 */
public final class EventTypes {

	public static final String FIGURE_REPORTED = "goalpost.figure.reported.v1";

	public static final String ALERT_FIRED = "goalpost.alert.fired.v2";

	public static final String ALERT_RESOLVED = "goalpost.alert.resolved.v2";

	public static final String SPEC_VERSION = "1.0";

	public static final String HEADER_ID = "ce_id";

	public static final String HEADER_TYPE = "ce_type";

	public static final String HEADER_SOURCE = "ce_source";

	public static final String HEADER_TIME = "ce_time";

	public static final String HEADER_SPEC_VERSION = "ce_specversion";

	public static final String HEADER_SUBJECT = "ce_subject";

	public static final String HEADER_CONTENT_TYPE = "content-type";

	public static final String JSON = "application/json";

	private EventTypes() {
	}

}
