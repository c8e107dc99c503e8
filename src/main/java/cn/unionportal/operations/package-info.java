/**
 * Operations (issue 14): what an operator scrapes and probes. Readiness beyond Spring Boot's own
 * (Flyway migrations applied, start-up data loaded), the build in the info endpoint, and the
 * business metrics fed from other modules' events and Spring Security's sign-in events. Nothing
 * here reads another module's tables; nothing it exposes is personal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Operations")
package cn.unionportal.operations;
