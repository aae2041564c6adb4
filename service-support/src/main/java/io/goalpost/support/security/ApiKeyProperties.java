package io.goalpost.support.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param apiKeys the keys that may write, from {@code GOALPOST_API_KEYS} (comma-separated); none means no
 * write is accepted
 * @param openReads whether reads need no key
 */
@ConfigurationProperties("goalpost.security")
public record ApiKeyProperties(@DefaultValue List<String> apiKeys, @DefaultValue("true") boolean openReads) {

	public ApiKeyProperties {
		apiKeys = apiKeys.stream().map(String::strip).filter((key) -> !key.isEmpty()).toList();
	}

	@Override
	public String toString() {
		return "ApiKeyProperties[apiKeys=" + apiKeys.size() + " configured, openReads=" + openReads + "]";
	}

}
