package cn.unionportal.benefits.web;

import org.springframework.web.util.UriComponentsBuilder;

/** Builds list URLs that keep the current filters (for the pagination links). */
final class Urls {

	private Urls() {
	}

	static String of(String path, Object... namesAndValues) {
		UriComponentsBuilder builder = UriComponentsBuilder.fromPath(path);
		for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
			Object value = namesAndValues[i + 1];
			if (value != null && !value.toString().isBlank()) {
				builder.queryParam(namesAndValues[i].toString(), value);
			}
		}
		return builder.encode().toUriString();
	}
}
