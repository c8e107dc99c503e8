package cn.unionportal.selfservice;

import java.time.Clock;
import java.time.LocalDate;

import cn.unionportal.member.DocumentType;
import cn.unionportal.member.EmploymentType;
import cn.unionportal.member.MemberData;
import cn.unionportal.member.MemberManagement;
import cn.unionportal.member.ResidentIdNumber;
import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.organization.OrganizationSummary;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.shared.startup.DemoDataEnabled;
import cn.unionportal.shared.startup.StartupTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo member with an activated self-service account (issue 12; documented in the README):
 * 刘晓梅 of 威海恒科精工有限公司工会, mobile {@value #PHONE}, password {@value #PASSWORD}, registered and
 * activated through the modules' own services, so she signs in like any member. Runs once:
 * nothing happens when any member account exists.
 */
@Component
@Conditional(DemoDataEnabled.class)
@Order(40)
class SelfServiceDemoMember implements StartupTask {

	static final String PHONE = "13906310001";

	static final String PASSWORD = "portal-demo-2026";

	static final String ID_BODY = "37100219900315002";

	private static final Logger log = LoggerFactory.getLogger(SelfServiceDemoMember.class);

	private final MemberManagement members;

	private final SelfServiceManagement selfService;

	private final OrganizationManagement organizations;

	private final JdbcClient jdbc;

	private final Clock clock;

	SelfServiceDemoMember(MemberManagement members, SelfServiceManagement selfService,
			OrganizationManagement organizations, JdbcClient jdbc, Clock clock) {
		this.members = members;
		this.selfService = selfService;
		this.organizations = organizations;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void runAtStartup() {
		if (jdbc.sql("SELECT COUNT(*) FROM member_account").query(Long.class).single() > 0) {
			return;
		}
		CurrentUser system = CurrentUser.system(organizations.rootId());
		var union = organizations.search(system, "威海恒科精工", PageRequest.of(0, 1)).getContent();
		if (union.isEmpty()) {
			return;
		}
		long unionId = union.stream().map(OrganizationSummary::id).findFirst().orElseThrow();
		String idNumber = ID_BODY + ResidentIdNumber.checkDigit(ID_BODY);
		long id = members.register(system, new MemberData("刘晓梅", null, DocumentType.RESIDENT_ID, idNumber, null, PHONE,
				EmploymentType.ON_THE_JOB, unionId, LocalDate.now(clock).minusYears(1).withDayOfYear(60)));
		String card = members.selfView(id).cardNumber();
		selfService.activate(new SelfServiceManagement.Activation(card, idNumber, PHONE, PASSWORD, PASSWORD), "demo");
		log.info("Demo member 刘晓梅 ({}) signs in with mobile {} and the demo password", card, PHONE);
	}
}
