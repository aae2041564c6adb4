package io.goalpost.ingest.figures;

import java.time.ZoneId;

import org.springframework.util.unit.DataSize;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param defaultZone the zone of a publication date given without a time ({@code 2022-01-17}); Chinese
 * government documents are dated in Beijing time
 * @param maxFiguresPerRequest how many figures one request may carry
 * @param maxDocumentSize the largest document {@code POST /api/v1/documents} reads
 */
@ConfigurationProperties("goalpost.ingest")
public record IngestProperties(@DefaultValue("Asia/Shanghai") ZoneId defaultZone,
		@DefaultValue("5000") int maxFiguresPerRequest, @DefaultValue("1MB") DataSize maxDocumentSize) {
}
