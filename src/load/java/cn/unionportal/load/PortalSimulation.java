package cn.unionportal.load;

import java.time.Duration;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.currentLocation;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Union Portal under load (issue 13): three journeys at a fixed number of concurrent users (closed
 * model: when a user's journey ends, the next one starts) for a fixed time, without think time,
 * like {@code wrk -c32}. Each journey signs in once (CSRF token from the login page), walks its
 * pages {@code loops} times and signs out:
 * <ul>
 * <li>staff: member search by a surname (prefix), by an exact card number and by an exact ID
 * number, the member's profile, the member list, the organization tree (the page, then one node
 * expanded as the page's script does), the aid work queue and one of its files;</li>
 * <li>members: {@code /me}, {@code /me/aid}, {@code /me/benefits};</li>
 * <li>anonymous visitors: {@code /status} and {@code /notice}.</li>
 * </ul>
 * Accounts and search values come from the feeders written by the setup command
 * ({@code --portal.loadtest.setup=N}, see docs/benchmarks.md). System properties:
 * {@code portal.baseUrl} (http://127.0.0.1:8080), {@code users} (32, shared 1/2 staff, 3/8 members,
 * the rest anonymous), {@code duration} (seconds, 60), {@code loops} (page rounds per sign-in, 5),
 * {@code load.data} (folder of staff.csv and members.csv, target/load-data), {@code soak} (true: 30 minutes
 * unless {@code duration} says otherwise, and the run fails on any failed request). A user whose sign-in
 * fails stops there (it counts as an error), so that its pages do not show up as login pages.
 *
 * <p>All virtual users come from one address: the portal under test must run with a large
 * {@code portal.login.failures-per-address} (e.g. 1000000), or more than 20 sign-ins in flight at once
 * from 127.0.0.1 are refused as throttled (issue 8's per-address limit takes a slot per attempt).
 */
public class PortalSimulation extends Simulation {

	static final String BASE_URL = System.getProperty("portal.baseUrl", "http://127.0.0.1:8080");

	static final int USERS = Integer.getInteger("users", 32);

	/** Soak mode (issue 13, item 5): the same constant load for 30 minutes, and any failed request fails the run. */
	static final boolean SOAK = Boolean.getBoolean("soak");

	static final Duration DURATION = Duration.ofSeconds(Integer.getInteger("duration", SOAK ? 1800 : 60));

	static final int LOOPS = Integer.getInteger("loops", 5);

	static final String DATA = System.getProperty("load.data", "target/load-data");

	static final int STAFF_USERS = Math.max(1, USERS / 2);

	static final int MEMBER_USERS = Math.max(1, USERS * 3 / 8);

	static final int ANONYMOUS_USERS = Math.max(1, USERS - STAFF_USERS - MEMBER_USERS);

	final HttpProtocolBuilder protocol = http.baseUrl(BASE_URL)
		.acceptHeader("text/html,application/xhtml+xml")
		.acceptLanguageHeader("zh-CN,zh;q=0.9")
		.disableWarmUp()
		.disableCaching();

	/** Signs in with the feeder's login and password: CSRF token from the form, then the post. */
	static ChainBuilder signIn(String loginColumn) {
		return exec(http("sign in: form").get("/login").check(css("input[name='_csrf']", "value").saveAs("csrf")))
			.exec(http("sign in: post").post("/login")
				.formParam("username", "#{" + loginColumn + "}")
				.formParam("password", "#{password}")
				.formParam("_csrf", "#{csrf}")
				.check(currentLocation().not(BASE_URL + "/login?error"))
				.check(css("form[action='/logout'] input[name='_csrf']", "value").saveAs("csrf")));
	}

	static final ChainBuilder SIGN_OUT = exec(
			http("sign out").post("/logout").formParam("_csrf", "#{csrf}").check(status().is(200)));

	final FeederBuilder<String> staff = csv(DATA + "/staff.csv").circular();

	final FeederBuilder<String> members = csv(DATA + "/members.csv").circular();

	final ScenarioBuilder staffJourney = scenario("staff").feed(staff)
		.exec(signIn("username"))
		.exitHereIfFailed()
		.exec(repeat(LOOPS).on(
				exec(http("members: surname prefix").get("/members").queryParam("q", "#{surname}"))
					.exec(http("members: exact card").get("/members")
						.queryParam("q", "#{card}")
						.check(substring("/members/#{memberId}\"")))
					.exec(http("members: exact ID").get("/members")
						.queryParam("q", "#{idNumber}")
						.check(substring("/members/#{memberId}\"")))
					.exec(http("member profile").get("/members/#{memberId}"))
					.exec(http("members: list").get("/members"))
					.exec(http("organizations: tree").get("/organizations")
						.check(regex("data-url=\"(/organizations/tree\\?parent=\\d+)\"").findRandom()
							.optional()
							.saveAs("node")))
					.doIf(session -> session.contains("node"))
					.then(exec(http("organizations: tree node").get("#{node}")))
					.exec(http("aid: work queue").get("/aid/files/queue")
						.check(regex("href=\"(/aid/files/\\d+)\"").findRandom().optional().saveAs("file")))
					.doIf(session -> session.contains("file"))
					.then(exec(http("aid: file").get("#{file}")))))
		.exec(SIGN_OUT);

	final ScenarioBuilder memberJourney = scenario("members").feed(members)
		.exec(signIn("login"))
		.exitHereIfFailed()
		.exec(repeat(LOOPS).on(exec(http("me").get("/me")).exec(http("me: aid").get("/me/aid"))
			.exec(http("me: benefits").get("/me/benefits"))))
		.exec(SIGN_OUT);

	final ScenarioBuilder anonymousJourney = scenario("anonymous")
		.exec(repeat(LOOPS).on(exec(http("status").get("/status")).exec(http("notice").get("/notice"))));

	{
		setUp(population(staffJourney, STAFF_USERS), population(memberJourney, MEMBER_USERS),
				population(anonymousJourney, ANONYMOUS_USERS))
			.protocols(protocol)
			.maxDuration(DURATION.plusSeconds(30))
			.assertions(SOAK ? new Assertion[] { global().failedRequests().count().is(0L) } : new Assertion[0]);
	}

	static PopulationBuilder population(ScenarioBuilder journey, int users) {
		return journey.injectClosed(constantConcurrentUsers(users).during(DURATION));
	}
}
