package cn.unionportal.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * One page at a time under load (issue 13, item 2: the per-page goals), the way the issue measured
 * with {@code wrk -c32}: every virtual user signs in once, then requests the same page without think
 * time for {@code duration} seconds; the pages of {@code pages} run one after the other, each after
 * a warm-up of {@code warmup} seconds by the same signed-in users (reported under "warm-up: …" and left
 * out of the reading), so that the sign-ins (bcrypt) fall before the measured time.
 *
 * <p>System properties: {@code pages} (comma-separated paths; {@code #{…}} takes a feeder column,
 * e.g. {@code /members/#{memberId}}), {@code as} ({@code staff}: the load staff accounts of
 * staff.csv, {@code admin}: the federation administrator {@code admin} with {@code adminPassword},
 * {@code member}: members.csv, {@code anonymous}), {@code users} (32), {@code duration} (seconds, 20),
 * {@code warmup} (seconds, 10), {@code portal.baseUrl}, {@code load.data} (as {@link PortalSimulation}).
 *
 * <pre>
 * ./mvnw -o -Pload test-compile gatling:test -Dgatling.simulationClass=cn.unionportal.load.PageSimulation \
 *   -Das=admin -DadminPassword=… -Dpages=/members,/organizations
 * </pre>
 */
public class PageSimulation extends Simulation {

	static final int USERS = Integer.getInteger("users", 32);

	static final Duration DURATION = Duration.ofSeconds(Integer.getInteger("duration", 20));

	static final Duration WARMUP = Duration.ofSeconds(Integer.getInteger("warmup", 10));

	static final String AS = System.getProperty("as", "staff");

	/**
	 * A non-ASCII character of a property set on Maven's command line reaches the forked Gatling JVM
	 * as a Java escape: a backslash, {@code u} and four hex digits. Until the seventh session the
	 * pages were requested so, i.e. {@code /members?q=王} searched for those six characters and found
	 * nobody; the escapes are now turned back into the characters they stand for.
	 */
	private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u([0-9a-fA-F]{4})");

	static final List<String> PAGES = Arrays.stream(unescape(System.getProperty("pages", "/members")).split(","))
		.map(String::trim)
		.filter(page -> !page.isEmpty())
		.toList();

	static String unescape(String value) {
		return UNICODE_ESCAPE.matcher(value)
			.replaceAll(escape -> Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(escape.group(1), 16))));
	}

	final HttpProtocolBuilder protocol = http.baseUrl(PortalSimulation.BASE_URL)
		.acceptHeader("text/html,application/xhtml+xml")
		.acceptLanguageHeader("zh-CN,zh;q=0.9")
		.disableWarmUp()
		.disableCaching();

	{
		List<PopulationBuilder> runs = new ArrayList<>();
		for (String page : PAGES) {
			runs.add(run(page));
		}
		PopulationBuilder chain = runs.get(0);
		for (PopulationBuilder next : runs.subList(1, runs.size())) {
			chain = chain.andThen(next);
		}
		setUp(chain).protocols(protocol);
	}

	/**
	 * {@code users} users on one page: each signs in once (unless anonymous), requests the page for the
	 * warm-up time under the name "warm-up: …", then for {@code duration} under the page's own name.
	 */
	PopulationBuilder run(String page) {
		ChainBuilder loop = exec(during(WARMUP).on(exec(http("warm-up: " + page).get(page).check(status().is(200)))))
			.exec(during(DURATION).on(exec(http(page).get(page).check(status().is(200)))));
		String name = page;
		ScenarioBuilder journey = switch (AS) {
			case "anonymous" -> scenario(name).exec(loop);
			case "admin" -> scenario(name)
				.exec(session -> session.set("username", "admin")
					.set("password", System.getProperty("adminPassword", "load-admin-2026")))
				.exec(PortalSimulation.signIn("username"))
				.exitHereIfFailed()
				.exec(loop);
			case "member" -> scenario(name).feed(feeder("members.csv"))
				.exec(PortalSimulation.signIn("login"))
				.exitHereIfFailed()
				.exec(loop);
			default -> scenario(name).feed(feeder("staff.csv"))
				.exec(PortalSimulation.signIn("username"))
				.exitHereIfFailed()
				.exec(loop);
		};
		return journey.injectClosed(constantConcurrentUsers(USERS).during(Duration.ofSeconds(1)));
	}

	static FeederBuilder<String> feeder(String file) {
		return csv(PortalSimulation.DATA + "/" + file).circular();
	}
}
