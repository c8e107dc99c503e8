package cn.unionportal.benefits;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;

import cn.unionportal.benefits.BenefitQueries.Filter;
import cn.unionportal.member.MemberManagement;
import cn.unionportal.member.MemberView;
import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.shared.ConflictException;
import cn.unionportal.shared.NotFoundException;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.audit.AuditTrail;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Insurance enrolments of members in the user's scope (issue 9, split from
 * {@link BenefitsManagement}): the list, one enrolment, enrolling (again), cancelling, and the
 * claims paid. A member or enrolment outside the scope answers 404. Every change is audited.
 */
@Service
@Transactional(readOnly = true)
public class BenefitEnrolments {

	static final String ENROLMENT = "BENEFIT_ENROLMENT";

	private final BenefitProgrammes programmes;

	private final InsuranceEnrolmentRepository enrolments;

	private final BenefitQueries queries;

	private final MemberManagement members;

	private final OrganizationManagement organizations;

	private final AuditTrail audit;

	private final Clock clock;

	BenefitEnrolments(BenefitProgrammes programmes, InsuranceEnrolmentRepository enrolments, BenefitQueries queries,
			MemberManagement members, OrganizationManagement organizations, AuditTrail audit, Clock clock) {
		this.programmes = programmes;
		this.enrolments = enrolments;
		this.queries = queries;
		this.members = members;
		this.organizations = organizations;
		this.audit = audit;
		this.clock = clock;
	}

	/** Enrolments of members in the user's scope, optionally of one programme, by name or card. */
	public Page<EnrolmentView> enrolments(CurrentUser user, Long programmeId, String text, Pageable pageable) {
		if (programmeId != null) {
			programmes.loadProgramme(user, programmeId);
		}
		return queries.enrolments(new Filter(user.organizationId(), null, programmeId, null, text), pageable);
	}

	/** One enrolment of a member in the user's scope. */
	public EnrolmentView enrolment(CurrentUser user, long id) {
		InsuranceEnrolment enrolment = loadEnrolment(user, id);
		return queries.enrolments(Filter.member(enrolment.getMemberId()), PageRequest.of(0, BenefitsManagement.MEMBER_PAGE))
			.stream()
			.filter(e -> e.id() == id)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("enrolment", id));
	}

	/**
	 * Enrols a member of the user's scope in an open programme (re-opening a cancelled enrolment).
	 * Enrolling twice is refused with {@code benefit.enrolment.error.duplicate}.
	 */
	@Transactional
	public long enrol(CurrentUser user, long programmeId, long memberId, LocalDate enrolledOn) {
		BenefitProgramme programme = programmes.loadProgramme(user, programmeId);
		MemberView member = members.get(user, memberId);
		if (!member.isActive()) {
			throw new RuleViolationException(null, "benefit.error.memberNotActive");
		}
		if (programme.getStatus() != ProgrammeStatus.OPEN) {
			throw new RuleViolationException("programmeId", "benefit.enrolment.error.closed");
		}
		if (!organizations.isWithin(programme.getOrganizationId(), member.organizationId())) {
			throw new RuleViolationException("programmeId", "benefit.enrolment.error.outsideProgramme");
		}
		LocalDate on = enrolledOn == null ? today() : enrolledOn;
		if (on.isAfter(programme.getPeriodEnd())) {
			throw new RuleViolationException("enrolledOn", "benefit.enrolment.error.afterPeriod");
		}
		InsuranceEnrolment enrolment = enrolments.findByProgrammeIdAndMemberId(programmeId, memberId).orElse(null);
		if (enrolment != null && enrolment.getStatus() == EnrolmentStatus.ENROLLED) {
			throw duplicate();
		}
		String action;
		if (enrolment == null) {
			enrolment = new InsuranceEnrolment(programmeId, memberId, member.organizationId(), on, user.username(),
					clock.instant());
			action = "ENROLLED";
		}
		else {
			enrolment.reopen(member.organizationId(), on, user.username(), clock.instant());
			action = "RE_ENROLLED";
		}
		try {
			enrolments.saveAndFlush(enrolment);
		}
		catch (DataIntegrityViolationException concurrentDouble) {
			// the same member enrolled by a concurrent request (a double submit)
			throw duplicate();
		}
		audit.record(user.username(), "BENEFIT_" + action, ENROLMENT, enrolment.getId(), member.organizationId(),
				"member " + memberId + ", programme " + programmeId + " (" + programme.getName() + "), from " + on);
		return enrolment.getId();
	}

	@Transactional
	public void cancelEnrolment(CurrentUser user, long enrolmentId, long version) {
		InsuranceEnrolment enrolment = loadEnrolment(user, enrolmentId, version);
		if (enrolment.getStatus() == EnrolmentStatus.CANCELLED) {
			return;
		}
		enrolment.cancel(today(), clock.instant());
		enrolments.saveAndFlush(enrolment);
		audit.record(user.username(), "BENEFIT_ENROLMENT_CANCELLED", ENROLMENT, enrolmentId,
				enrolment.getOrganizationId(), "member " + enrolment.getMemberId());
	}

	/** Sets the total of claims paid out on an enrolment (yuan, at least 0, two decimals at most). */
	@Transactional
	public void recordClaimsPaid(CurrentUser user, long enrolmentId, long version, BigDecimal amount) {
		InsuranceEnrolment enrolment = loadEnrolment(user, enrolmentId, version);
		BigDecimal checked = BenefitProgrammes.checkAmount(amount, "claimsPaid");
		BigDecimal old = enrolment.getClaimsPaid();
		if (old.compareTo(checked) == 0) {
			return;
		}
		enrolment.recordClaimsPaid(checked, clock.instant());
		enrolments.saveAndFlush(enrolment);
		audit.record(user.username(), "BENEFIT_CLAIMS_PAID", ENROLMENT, enrolmentId, enrolment.getOrganizationId(),
				"claims paid: " + old.setScale(2).toPlainString() + " → " + checked.toPlainString());
	}

	private InsuranceEnrolment loadEnrolment(CurrentUser user, long id) {
		return enrolments.findById(id)
			.filter(e -> organizations.scopeOf(user).contains(e.getOrganizationId()))
			.orElseThrow(() -> new NotFoundException("enrolment", id));
	}

	private InsuranceEnrolment loadEnrolment(CurrentUser user, long id, long version) {
		InsuranceEnrolment enrolment = loadEnrolment(user, id);
		if (enrolment.getVersion() != version) {
			throw new ConflictException("enrolment " + id + " changed meanwhile");
		}
		return enrolment;
	}

	private static RuleViolationException duplicate() {
		return new RuleViolationException("memberId", "benefit.enrolment.error.duplicate");
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}
}
