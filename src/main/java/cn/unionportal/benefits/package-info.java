/**
 * Member benefits (会员权益): yearly mutual-aid insurance programmes (职工互助保障) and members'
 * enrolments (参保) with claims paid, entitlements granted to members for a period (free health
 * check, recuperation leave), and the partner merchants that give card-holder discounts. Staff
 * work within their scope; the member self-service pages read through
 * {@link cn.unionportal.benefits.BenefitsManagement#benefitsOf(long, java.time.LocalDate)} and
 * {@link cn.unionportal.benefits.BenefitsManagement#merchants}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "audit", "member", "organization", "shared", "statistics" })
package cn.unionportal.benefits;
