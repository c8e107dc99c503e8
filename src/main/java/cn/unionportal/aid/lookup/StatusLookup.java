package cn.unionportal.aid.lookup;

import cn.unionportal.aid.cases.AidKind;
import cn.unionportal.aid.cases.CaseStatus;
import cn.unionportal.aid.files.FileStatus;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.unionportal.member.MemberBrief;
import cn.unionportal.member.MemberManagement;
import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.shared.NotFoundException;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.limits.AttemptLimits;
import cn.unionportal.shared.masking.Masking;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lookup code for families (一户一码): the public status lookup (code plus the last four
 * characters of the worker's ID number) and, for staff in scope, the printable code card.
 * <p>
 * Wrong attempts are counted per submitted code (per window and per day) and per address; once
 * one reaches its limit, every lookup for it is refused, right digits or not. A lookup takes its slots
 * before it looks (atomically, {@link StatusLookupAttempts#tryAcquire}) and gives them back when
 * it was right, so a burst of parallel guesses gets exactly the limit through. A wrong code and wrong
 * digits answer alike, and an unknown code still costs a member lookup, so neither the answer
 * nor its timing says whether a code exists.
 */
@Service
@Transactional(readOnly = true)
public class StatusLookup {

	/** Timeline steps a family sees (objections, income updates and relapse flags stay internal). */
	static final Set<String> PUBLIC_STEPS = Set.of("APPLIED", "GRASSROOTS_REVIEW", "HOME_VISIT", "FEDERATION_REVIEW",
			"FILED", "YEARLY_REVIEW", "CLOSED");

	static final Set<String> PUBLIC_OUTCOMES = Set.of("RECORDED", "APPROVED", "REJECTED");

	private static final String CASE_COLUMNS = """
			SELECT c.kind, c.status, c.recorded_at, c.decided_at, c.approved_amount, c.paid_amount, c.decision_comment,
			       (SELECT MAX(p.paid_on) FROM aid_payment p WHERE p.case_id = c.id) AS last_paid_on
			FROM aid_case c
			""";

	private static final String CASE_BY_ID = CASE_COLUMNS + " WHERE c.id = :id";

	private static final String CASES_OF_FILE = CASE_COLUMNS + " WHERE c.file_id = :id ORDER BY c.recorded_at, c.id";

	private final JdbcClient jdbc;

	private final StatusLookupAttempts attempts;

	private final MemberManagement members;

	private final OrganizationManagement organizations;

	private final Clock clock;

	StatusLookup(JdbcClient jdbc, StatusLookupAttempts attempts, MemberManagement members,
			OrganizationManagement organizations, Clock clock) {
		this.jdbc = jdbc;
		this.attempts = attempts;
		this.members = members;
		this.organizations = organizations;
		this.clock = clock;
	}

	/**
	 * Looks up a code for the public page.
	 *
	 * @param typedCode the code as typed (spaces, hyphens and case do not matter)
	 * @param lastFour the last four characters of the worker's ID number
	 * @param address the requesting address (for the rate limit)
	 */
	@Transactional
	public StatusLookupResult lookUp(String typedCode, String lastFour, String address) {
		String key = StatusLookupAttempts.key(typedCode);
		String from = StatusLookupAttempts.address(address);
		Optional<AttemptLimits.Permit> permit = attempts.tryAcquire(key, from);
		if (permit.isEmpty()) {
			return StatusLookupResult.tooManyAttempts();
		}
		String code = LookupCodes.normalize(typedCode);
		Optional<Holder> holder = code == null ? Optional.empty() : findHolder(code);
		// an unknown code still checks digits (against no member), so both failures take as long
		boolean digitsMatch = members.idNumberEndsWith(holder.map(Holder::memberId).orElse(-1L), lastFour);
		if (holder.isEmpty() || !digitsMatch) {
			attempts.recordWrong(key, from);
			return StatusLookupResult.noMatch();
		}
		attempts.release(permit.get());
		return StatusLookupResult.found(report(holder.get()));
	}

	/** The code card of a household file in the user's scope. */
	public StatusLookupCard fileCard(CurrentUser user, long fileId) {
		Holder file = jdbc
			.sql("SELECT id, member_id, organization_id, lookup_code FROM hardship_file WHERE id = :id")
			.param("id", fileId)
			.query((rs, i) -> new Holder(false, rs.getLong("id"), rs.getLong("member_id"), rs.getLong("organization_id"),
					rs.getString("lookup_code"), null))
			.optional()
			.filter(h -> organizations.scopeOf(user).contains(h.organizationId()))
			.orElseThrow(() -> new NotFoundException("hardship file", fileId));
		return card(file);
	}

	/** The code card of an aid case in the user's scope. */
	public StatusLookupCard caseCard(CurrentUser user, long caseId) {
		Holder aidCase = jdbc
			.sql("SELECT id, member_id, organization_id, lookup_code, kind FROM aid_case WHERE id = :id")
			.param("id", caseId)
			.query((rs, i) -> new Holder(true, rs.getLong("id"), rs.getLong("member_id"), rs.getLong("organization_id"),
					rs.getString("lookup_code"), AidKind.valueOf(rs.getString("kind"))))
			.optional()
			.filter(h -> organizations.scopeOf(user).contains(h.organizationId()))
			.orElseThrow(() -> new NotFoundException("aid case", caseId));
		return card(aidCase);
	}

	// ---- helpers -------------------------------------------------------------------------

	/** A file or a case that carries a code. */
	private record Holder(boolean isCase, long id, long memberId, long organizationId, String code, AidKind kind) {
	}

	private Optional<Holder> findHolder(String code) {
		Optional<Holder> file = jdbc
			.sql("SELECT id, member_id, organization_id FROM hardship_file WHERE lookup_code = :code")
			.param("code", code)
			.query((rs, i) -> new Holder(false, rs.getLong("id"), rs.getLong("member_id"), rs.getLong("organization_id"),
					code, null))
			.optional();
		if (file.isPresent()) {
			return file;
		}
		return jdbc.sql("SELECT id, member_id, organization_id, kind FROM aid_case WHERE lookup_code = :code")
			.param("code", code)
			.query((rs, i) -> new Holder(true, rs.getLong("id"), rs.getLong("member_id"), rs.getLong("organization_id"),
					code, AidKind.valueOf(rs.getString("kind"))))
			.optional();
	}

	private StatusLookupCard card(Holder holder) {
		if (holder.code() == null) {
			throw new RuleViolationException(null, "aid.code.error.none");
		}
		String organizationName = organizations.namesOf(List.of(holder.organizationId())).get(holder.organizationId());
		return new StatusLookupCard(holder.code(), LookupCodes.display(holder.code()), maskedName(holder.memberId()),
				organizationName, holder.kind());
	}

	private String maskedName(long memberId) {
		Map<Long, MemberBrief> briefs = members.briefs(List.of(memberId));
		return briefs.containsKey(memberId) ? Masking.name(briefs.get(memberId).name()) : "";
	}

	private StatusLookupReport report(Holder holder) {
		String name = maskedName(holder.memberId());
		String display = LookupCodes.display(holder.code());
		if (holder.isCase()) {
			List<StatusLookupReport.CaseReport> cases = caseReports(CASE_BY_ID, holder.id());
			return new StatusLookupReport(name, display, null, cases);
		}
		return new StatusLookupReport(name, display, fileReport(holder.id()),
				caseReports(CASES_OF_FILE, holder.id()));
	}

	private StatusLookupReport.FileReport fileReport(long fileId) {
		List<StatusLookupReport.Step> steps = jdbc
			.sql("SELECT step, outcome, occurred_at FROM hardship_file_event WHERE file_id = :id ORDER BY occurred_at, id")
			.param("id", fileId)
			.query((rs, i) -> new StatusLookupReport.Step(date(rs.getTimestamp("occurred_at")), rs.getString("step"),
					rs.getString("outcome")))
			.list()
			.stream()
			.filter(s -> PUBLIC_STEPS.contains(s.step()))
			.map(s -> PUBLIC_OUTCOMES.contains(s.outcome()) ? s : new StatusLookupReport.Step(s.on(), s.step(), null))
			.toList();
		return jdbc.sql("""
				SELECT status, applied_at, notice_start, notice_end, filed_on, next_review_on, rejection_reason,
				       closed_on, support_until
				FROM hardship_file WHERE id = :id
				""")
			.param("id", fileId)
			.query((rs, i) -> {
				FileStatus status = FileStatus.valueOf(rs.getString("status"));
				return new StatusLookupReport.FileReport(status, date(rs.getTimestamp("applied_at")), steps,
						date(rs.getDate("notice_start")), date(rs.getDate("notice_end")), date(rs.getDate("filed_on")),
						date(rs.getDate("next_review_on")),
						status == FileStatus.REJECTED ? rs.getString("rejection_reason") : null,
						date(rs.getDate("closed_on")), date(rs.getDate("support_until")));
			})
			.single();
	}

	private List<StatusLookupReport.CaseReport> caseReports(String sql, long id) {
		return jdbc.sql(sql)
			.param("id", id)
			.query((rs, i) -> {
				CaseStatus status = CaseStatus.valueOf(rs.getString("status"));
				BigDecimal approved = status == CaseStatus.APPROVED || status == CaseStatus.PAID
						? rs.getBigDecimal("approved_amount") : null;
				return new StatusLookupReport.CaseReport(AidKind.valueOf(rs.getString("kind")), status,
						date(rs.getTimestamp("recorded_at")), date(rs.getTimestamp("decided_at")), approved,
						rs.getBigDecimal("paid_amount"), date(rs.getDate("last_paid_on")),
						status == CaseStatus.REJECTED ? blankToNull(rs.getString("decision_comment")) : null);
			})
			.list();
	}

	private LocalDate date(Timestamp timestamp) {
		return timestamp == null ? null : LocalDate.ofInstant(timestamp.toInstant(), clock.getZone());
	}

	private static LocalDate date(Date date) {
		return date == null ? null : date.toLocalDate();
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
