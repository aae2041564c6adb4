package io.goalpost.metrics.alerts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SilenceRepository {

	private static final String COLUMNS = "silence_id, matchers, starts_at, ends_at, comment, created_by, created_at";

	private static final TypeReference<List<Silence.Matcher>> MATCHERS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	SilenceRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void insert(Silence silence) {
		jdbc.sql("""
				INSERT INTO silence (silence_id, matchers, starts_at, ends_at, comment, created_by, created_at)
				VALUES (:id, CAST(:matchers AS jsonb), :startsAt, :endsAt, :comment, :createdBy, :createdAt)
				""")
			.param("id", silence.silenceId())
			.param("matchers", json.writeValueAsString(silence.matchers()))
			.param("startsAt", Timestamp.from(silence.startsAt()))
			.param("endsAt", Timestamp.from(silence.endsAt()))
			.param("comment", silence.comment())
			.param("createdBy", silence.createdBy())
			.param("createdAt", Timestamp.from(silence.createdAt()))
			.update();
	}

	/** The silences in force at {@code now}: the few a batch of alert changes is checked against. */
	List<Silence> activeAt(Instant now) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM silence WHERE starts_at <= :now AND ends_at > :now")
			.param("now", Timestamp.from(now))
			.query(this::silence)
			.list();
	}

	/** How many silences have not ended at {@code now}: the active and the pending. */
	long countUnended(Instant now) {
		return jdbc.sql("SELECT count(*) FROM silence WHERE ends_at > :now").param("now", Timestamp.from(now)).query(Long.class).single();
	}

	Optional<Silence> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM silence WHERE silence_id = :id").param("id", id).query(this::silence).optional();
	}

	/** Newest first; with a status, only the silences in it at {@code now}. */
	List<Silence> find(Silence.Status status, Instant now, int offset, int limit) {
		String where = (status == null) ? "" : " WHERE " + switch (status) {
			case PENDING -> "starts_at > :now";
			case ACTIVE -> "starts_at <= :now AND ends_at > :now";
			case EXPIRED -> "ends_at <= :now";
		};
		return jdbc.sql("SELECT " + COLUMNS + " FROM silence" + where
				+ " ORDER BY created_at DESC, silence_id LIMIT :limit OFFSET :offset")
			.param("now", Timestamp.from(now))
			.param("limit", limit)
			.param("offset", offset)
			.query(this::silence)
			.list();
	}

	/** Ends a silence now, if it has not ended yet. @return whether it was in force or pending */
	boolean expire(UUID id, Instant now) {
		return jdbc.sql("""
				UPDATE silence SET ends_at = :now, starts_at = least(starts_at, :earlier)
				WHERE silence_id = :id AND ends_at > :now
				""")
			.param("id", id)
			.param("now", Timestamp.from(now))
			.param("earlier", Timestamp.from(now.minusMillis(1)))
			.update() == 1;
	}

	private Silence silence(ResultSet rs, int row) throws SQLException {
		return new Silence(rs.getObject("silence_id", UUID.class), json.readValue(rs.getString("matchers"), MATCHERS),
				rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(), rs.getString("comment"),
				rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
	}

}
