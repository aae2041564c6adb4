package io.goalpost.metrics.evaluation;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param approxTolerance how far, as a fraction of the target, an actual may fall short of a 左右 (approx)
 * target and still meet it
 */
@ConfigurationProperties("goalpost.evaluation")
public record EvaluationProperties(@DefaultValue("0.02") BigDecimal approxTolerance) {
}
