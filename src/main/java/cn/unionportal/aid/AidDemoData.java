package cn.unionportal.aid;

import cn.unionportal.aid.lookup.LookupCodes;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import cn.unionportal.member.MemberManagement;
import cn.unionportal.member.MemberQuery;
import cn.unionportal.member.MemberStatus;
import cn.unionportal.member.MemberSummary;
import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.shared.crypto.PersonalDataCipher;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.shared.startup.DemoDataEnabled;
import cn.unionportal.shared.startup.StartupTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two years of hardship aid for the demo federation (issue 12): minimum-living thresholds and
 * budgets of every district for last year and this year; household files in every state (applied,
 * visited, federation review, under notice with an open objection, filed, due for the yearly
 * review, exited, exited and flagged for relapse, rejected); aid cases of every kind in both years,
 * approved by an administrator other than the recorder and paid (budgets charged), plus cases
 * waiting for a decision and one approved case waiting for payment. Written in this module's own
 * tables in one transaction (household details encrypted as the module stores them). Runs once:
 * nothing happens when any household file exists.
 */
@Component
@Conditional(DemoDataEnabled.class)
@Order(30)
class AidDemoData implements StartupTask {

	private static final Logger log = LoggerFactory.getLogger(AidDemoData.class);

	private final JdbcTemplate jdbc;

	private final MemberManagement members;

	private final OrganizationManagement organizations;

	private final PersonalDataCipher cipher;

	private final Clock clock;

	private LocalDate today;

	private ZoneId zone;

	AidDemoData(JdbcTemplate jdbc, MemberManagement members, OrganizationManagement organizations,
			PersonalDataCipher cipher, Clock clock) {
		this.jdbc = jdbc;
		this.members = members;
		this.organizations = organizations;
		this.cipher = cipher;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void runAtStartup() {
		if (jdbc.queryForObject("SELECT COUNT(*) FROM hardship_file", Integer.class) > 0) {
			return;
		}
		CurrentUser system = CurrentUser.system(organizations.rootId());
		List<MemberSummary> people = members
			.search(system, new MemberQuery(null, null, null, MemberStatus.ACTIVE, MemberQuery.Sort.CARD_NUMBER),
					PageRequest.of(0, 60))
			.getContent();
		List<Long> districts = organizations.districtsAround(system);
		if (people.size() < 40 || districts.isEmpty()) {
			return;
		}
		today = LocalDate.now(clock);
		zone = clock.getZone();
		int year = today.getYear();
		long root = organizations.rootId();
		for (int y : new int[] { year - 1, year }) {
			for (long district : districts) {
				jdbc.update("INSERT INTO aid_threshold (district_id, aid_year, monthly_amount, updated_by, updated_at)"
						+ " VALUES (?, ?, ?, 'admin', ?)", district, y, y == year ? new BigDecimal("980") : new BigDecimal("930"),
						now());
				budget(district, y, "400000");
			}
			budget(root, y, "1000000");
		}
		files(people.subList(0, 10));
		int cases = cases(people.subList(10, people.size()), year);
		log.info("Loaded demo hardship aid: thresholds and budgets of {} districts for {} and {}, 10 household files, {} aid cases",
				districts.size(), year - 1, year, cases);
	}

	private void budget(long organization, int year, String amount) {
		jdbc.update("INSERT INTO aid_budget (organization_id, aid_year, amount, spent, updated_by, updated_at)"
				+ " VALUES (?, ?, ?, 0, 'admin', ?)", organization, year, new BigDecimal(amount), now());
	}

	/** One file in every state, at the members' own unions. */
	private void files(List<MemberSummary> people) {
		LocalDate lastYear = today.minusYears(1);
		String[][] plan = { // status, tier, filed days ago, closed days ago, relapse?, objection?, review due?
				{ "APPLIED", "RELATIVE", "", "", "", "", "" },
				{ "HOME_VISIT", "DEEP", "", "", "", "", "" },
				{ "FEDERATION_REVIEW", "SUDDEN", "", "", "", "", "" },
				{ "PUBLIC_NOTICE", "RELATIVE", "", "", "", "objection", "" },
				{ "FILED", "DEEP", "400", "", "", "", "review" },
				{ "FILED", "RELATIVE", "60", "", "", "", "" },
				{ "FILED", "SUDDEN", "200", "", "", "", "" },
				{ "CLOSED", "RELATIVE", "500", "90", "", "", "" },
				{ "CLOSED", "DEEP", "600", "150", "relapse", "", "" },
				{ "REJECTED", "RELATIVE", "", "", "", "", "" } };
		for (int i = 0; i < plan.length; i++) {
			String[] p = plan[i];
			MemberSummary member = people.get(i);
			String status = p[0];
			LocalDate filed = p[2].isEmpty() ? null : today.minusDays(Long.parseLong(p[2]));
			LocalDate closed = p[3].isEmpty() ? null : today.minusDays(Long.parseLong(p[3]));
			LocalDate applied = filed != null ? filed.minusDays(40) : today.minusDays(20 + i);
			boolean open = !status.equals("CLOSED") && !status.equals("REJECTED");
			boolean visited = !status.equals("APPLIED");
			boolean notice = status.equals("PUBLIC_NOTICE") || filed != null;
			LocalDate noticeStart = status.equals("PUBLIC_NOTICE") ? today.minusDays(2) : filed == null ? null : filed.minusDays(7);
			jdbc.update("""
					INSERT INTO hardship_file (member_id, organization_id, status, tier, causes, situation_cipher, household_size,
					  monthly_income_cipher, per_capita_income_cipher, below_threshold, threshold_amount, threshold_year,
					  applied_by, applied_at, visit_date, visitors, visit_notes_cipher, notice_start, notice_end, filed_on,
					  next_review_on, rejection_reason, closed_on, close_reason, support_until, relapse_flagged_at,
					  relapse_reason, lookup_code, open_member_id, version, created_at, updated_at)
					VALUES (?, ?, ?, ?, ?, ?, 3, ?, ?, TRUE, 930, ?, 'huancui', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)""",
					member.id(), member.organizationId(), status, p[1], i % 2 == 0 ? "ILLNESS" : "UNEMPLOYMENT,SCHOOLING",
					cipher.encrypt("家庭主要劳动力患病，收入减少，子女在读。"), cipher.encrypt("2100.00"), cipher.encrypt("700.00"),
					applied.getYear(), at(applied), visited ? Date.valueOf(applied.plusDays(5)) : null,
					visited ? "王建国、李秀兰" : null, visited ? cipher.encrypt("入户核实，情况属实。") : null,
					notice ? Date.valueOf(noticeStart) : null, notice ? Date.valueOf(noticeStart.plusDays(6)) : null,
					filed == null ? null : Date.valueOf(filed),
					filed == null ? null : Date.valueOf(p[6].isEmpty() ? filed.plusYears(1) : today.minusDays(5)),
					status.equals("REJECTED") ? "家庭人均收入高于当地最低生活保障标准" : null, closed == null ? null : Date.valueOf(closed),
					closed == null ? null : "家庭收入恢复，实现解困脱困", closed == null ? null : Date.valueOf(closed.plusMonths(6)),
					p[4].isEmpty() ? null : at(today.minusDays(20)), p[4].isEmpty() ? null : "脱困后再次申请医疗救助",
					filed == null ? null : LookupCodes.generate(), open ? member.id() : null, at(applied), now());
			long file = jdbc.queryForObject("SELECT MAX(id) FROM hardship_file WHERE member_id = ?", Long.class, member.id());
			jdbc.update("""
					INSERT INTO household_member (file_id, seq, name, relation, age, health_cipher, schooling, income_cipher)
					VALUES (?, 1, ?, '配偶', 45, ?, NULL, ?), (?, 2, ?, '子女', 15, NULL, '初中', NULL)""", file,
					member.name().substring(0, 1) + "秀英", cipher.encrypt("慢性病"), cipher.encrypt("800.00"), file,
					member.name().substring(0, 1) + "小明");
			event(file, "APPLIED", "RECORDED", "huancui", applied);
			if (visited) {
				event(file, "HOME_VISIT", "RECORDED", "huancui", applied.plusDays(5));
			}
			if (status.equals("REJECTED")) {
				event(file, "FEDERATION_REVIEW", "REJECTED", "admin", applied.plusDays(10));
			}
			if (notice) {
				event(file, "FEDERATION_REVIEW", "APPROVED", "admin", noticeStart);
			}
			if (!p[5].isEmpty()) {
				event(file, "OBJECTION_RAISED", "RECORDED", "huancui", today.minusDays(1));
				jdbc.update("INSERT INTO hardship_objection (file_id, content, raised_by, raised_at, version)"
						+ " VALUES (?, '邻居反映其家庭另有经营收入，请核实。', 'huancui', ?, 0)", file, at(today.minusDays(1)));
			}
			if (filed != null) {
				event(file, "FILED", "APPROVED", "admin", filed);
			}
			if (closed != null) {
				event(file, "CLOSED", "RECORDED", "admin", closed);
			}
			if (!p[4].isEmpty()) {
				event(file, "RELAPSE_FLAGGED", "RECORDED", "system", today.minusDays(20));
			}
		}
	}

	private void event(long file, String step, String outcome, String actor, LocalDate on) {
		jdbc.update("INSERT INTO hardship_file_event (file_id, step, outcome, actor, occurred_at) VALUES (?, ?, ?, ?, ?)", file,
				step, outcome, actor, at(on));
	}

	/** Every kind in both years, approved and paid; three waiting for a decision; one waiting for payment. */
	private int cases(List<MemberSummary> people, int year) {
		String[][] amounts = { { "LIVING_ALLOWANCE", "3000" }, { "EDUCATION_GRANT", "2000" }, { "MEDICAL_AID", "8600" },
				{ "LEGAL_AID", "1500" }, { "MUTUAL_AID_CLAIM", "4200" }, { "HOLIDAY_VISIT", "500" }, { "OTHER", "800" } };
		int n = 0;
		List<Object[]> payments = new ArrayList<>();
		for (int y : new int[] { year - 1, year }) {
			for (String[] kind : amounts) {
				for (int copy = 0; copy < 2; copy++) {
					MemberSummary member = people.get(n++ % people.size());
					LocalDate recorded = y == year ? today.minusDays(30 + n) : LocalDate.of(y, 3 + copy * 6, 10 + n % 15);
					boolean due = y == year && copy == 1 && kind[0].equals("LIVING_ALLOWANCE");
					long id = aidCase(member, kind, y, recorded, due ? "APPROVED" : "PAID", kind[1], due ? "0" : kind[1]);
					if (!due) {
						Long district = organizations.districtOf(member.organizationId()).orElse(organizations.rootId());
						LocalDate paid = y == year ? recorded.plusDays(10) : LocalDate.of(y, 12, 31 - n % 3);
						payments.add(new Object[] { id, district, Date.valueOf(paid), new BigDecimal(kind[1]),
								"demo-" + y + "-" + n, at(paid) });
						jdbc.update("UPDATE aid_budget SET spent = spent + ? WHERE organization_id = ? AND aid_year = ?",
								new BigDecimal(kind[1]), district, y);
					}
				}
			}
		}
		for (int i = 0; i < 3; i++) {
			MemberSummary member = people.get(n++ % people.size());
			aidCase(member, amounts[i], year, today.minusDays(3 + i), "RECORDED", amounts[i][1], "0");
		}
		jdbc.batchUpdate("""
				INSERT INTO aid_payment (case_id, payer_organization_id, paid_on, amount, channel, request_token, recorded_by,
				  recorded_at) VALUES (?, ?, ?, ?, 'BANK_TRANSFER', ?, 'wendeng', ?)""", payments);
		return n;
	}

	private long aidCase(MemberSummary member, String[] kind, int year, LocalDate recorded, String status, String amount,
			String paid) {
		boolean decided = !status.equals("RECORDED");
		boolean education = kind[0].equals("EDUCATION_GRANT");
		BigDecimal value = new BigDecimal(amount);
		jdbc.update("""
				INSERT INTO aid_case (kind, member_id, organization_id, aid_year, status, details, student_name, school, grade,
				  school_level, computed_amount, rule_text, requested_amount, approval_level, recorded_by, recorded_at,
				  decided_by, decided_at, decision_comment, approved_amount, paid_amount, version)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, 'DISTRICT', 'huancui', ?, ?, ?, ?, ?, ?, 0)""", kind[0],
				member.id(), member.organizationId(), year, status, "演示数据：" + year + " 年度救助", education ? "张小雨" : null,
				education ? "威海市第一中学" : null, education ? "高二" : null, education ? "SENIOR" : null, value, value,
				at(recorded), decided ? "admin" : null, decided ? at(recorded.plusDays(3)) : null, decided ? "同意" : null,
				decided ? value : null, new BigDecimal(paid));
		return jdbc.queryForObject("SELECT MAX(id) FROM aid_case WHERE member_id = ?", Long.class, member.id());
	}

	private Timestamp at(LocalDate day) {
		return Timestamp.from(day.atTime(9, 30).atZone(zone).toInstant());
	}

	private Timestamp now() {
		return Timestamp.from(clock.instant());
	}
}
