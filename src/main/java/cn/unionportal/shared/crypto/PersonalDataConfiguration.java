package cn.unionportal.shared.crypto;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The key for personal data at rest: {@code PORTAL_DATA_KEY} (Base64 of 32 bytes) when set,
 * otherwise a key file ({@code portal.data.key-file}, by default {@code ./data/portal-data.key})
 * that is created on first start. Losing the key makes the encrypted values unreadable.
 */
@Configuration(proxyBeanMethods = false)
class PersonalDataConfiguration {

	@Bean
	PersonalDataCipher personalDataCipher(@Value("${portal.data.key:}") String key,
			@Value("${portal.data.key-file:./data/portal-data.key}") String keyFile) {
		if (key != null && !key.isBlank()) {
			return PersonalDataCipher.fromBase64(key.strip());
		}
		return new PersonalDataCipher(DataKeys.loadOrCreate(Path.of(keyFile)));
	}
}
