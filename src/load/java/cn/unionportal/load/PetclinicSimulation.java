package cn.unionportal.load;

import java.time.Duration;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

/**
 * The reference of issue 13, loaded the way {@link PortalSimulation} loads the portal: the same
 * closed model (a fixed number of concurrent users, no think time, for a fixed time), against a
 * spring-petclinic started outside this repository (docs/benchmarks.md, "Load test"). Pages: the
 * owner list of the figures ({@code /owners?lastName=}), one owner, the vets. System
 * properties: {@code petclinic.baseUrl} (http://127.0.0.1:8081), {@code users} (32),
 * {@code duration} (seconds, 60).
 */
public class PetclinicSimulation extends Simulation {

	static final String BASE_URL = System.getProperty("petclinic.baseUrl", "http://127.0.0.1:8081");

	final ScenarioBuilder visitors = scenario("petclinic").exec(repeat(5).on(
			exec(http("owners: all").get("/owners").queryParam("lastName", ""))
				.exec(http("owner").get(session -> "/owners/" + (1 + (session.userId() % 10))))
				.exec(http("vets").get("/vets.html"))));

	{
		setUp(visitors.injectClosed(constantConcurrentUsers(Integer.getInteger("users", 32))
			.during(Duration.ofSeconds(Integer.getInteger("duration", 60)))))
			.protocols(http.baseUrl(BASE_URL).disableWarmUp().disableCaching())
			.maxDuration(Duration.ofSeconds(Integer.getInteger("duration", 60) + 30));
	}
}
