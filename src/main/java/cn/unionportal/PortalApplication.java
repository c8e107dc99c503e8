package cn.unionportal;

import java.util.Locale;
import java.util.TimeZone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PortalApplication {

	public static void main(String[] args) {
		pinTimeZoneAndLocale();
		SpringApplication.run(PortalApplication.class, args);
	}

	/**
	 * Issue 14: the JVM's time zone and locale are the federation's unless the command line says
	 * otherwise ({@code -Duser.timezone}; {@code PORTAL_LOCALE}, default zh-CN), on every node alike. The
	 * PostgreSQL driver opens each session in the JVM's time zone, so the database session is
	 * pinned with it ({@code PORTAL_TIME_ZONE}, default Asia/Shanghai).
	 */
	static void pinTimeZoneAndLocale() {
		if (System.getProperty("user.timezone", "").isBlank()) {
			String zone = System.getenv().getOrDefault("PORTAL_TIME_ZONE", "Asia/Shanghai");
			TimeZone.setDefault(TimeZone.getTimeZone(zone));
			System.setProperty("user.timezone", zone);
		}
		Locale.setDefault(Locale.forLanguageTag(System.getenv().getOrDefault("PORTAL_LOCALE", "zh-CN")));
	}
}
