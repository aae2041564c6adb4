package io.goalpost.ingest.figures;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param defaultZone the zone of a publication date given without a time ({@code 2022-01-17}); Chinese
 * government documents are dated in Beijing time
 * @param maxFiguresPerRequest how many figures one request may carry
 * @param extractionTimeBudget how long reading one document may take before it stops and says so
 * @param csvUploadTimeLimit how long a CSV body may take to arrive: it is published as it arrives, in one Kafka
 * transaction, and until that ends, readers of committed records (metrics-service) read nothing past it on the
 * partitions it has written to
 * @param uploadIdleTimeout how long any request body may pause: a CSV client that stops sending would otherwise
 * hold its transaction open until the connection's timeout, {@code csvUploadTimeLimit} being checked only as data
 * arrives
 */
@ConfigurationProperties("goalpost.ingest")
public record IngestProperties(@DefaultValue("Asia/Shanghai") ZoneId defaultZone,
		@DefaultValue("5000") int maxFiguresPerRequest, @DefaultValue("2s") Duration extractionTimeBudget,
		@DefaultValue("30s") Duration csvUploadTimeLimit, @DefaultValue("10s") Duration uploadIdleTimeout) {
}
