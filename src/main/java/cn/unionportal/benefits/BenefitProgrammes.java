package cn.unionportal.benefits;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;

import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.shared.ConflictException;
import cn.unionportal.shared.NotFoundException;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.audit.AuditTrail;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Benefit programmes (issue 9, split from {@link BenefitsManagement}): the programmes a user sees
 * (run at or above their organization, or inside their scope), and their creation and status,
 * which are for the municipal federation's administrators. Every change is audited.
 */
@Service
@Transactional(readOnly = true)
public class BenefitProgrammes {

	static final String PROGRAMME = "BENEFIT_PROGRAMME";

	private static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999.99");

	private final BenefitProgrammeRepository programmes;

	private final BenefitQueries queries;

	private final OrganizationManagement organizations;

	private final AuditTrail audit;

	private final Clock clock;

	private final BenefitsPermissions permissions;

	BenefitProgrammes(BenefitProgrammeRepository programmes, BenefitQueries queries,
			OrganizationManagement organizations, AuditTrail audit, Clock clock, BenefitsPermissions permissions) {
		this.programmes = programmes;
		this.queries = queries;
		this.organizations = organizations;
		this.audit = audit;
		this.clock = clock;
		this.permissions = permissions;
	}

	/** Programmes run above the user's organization (or at it) or inside the scope. */
	public List<ProgrammeView> programmes(CurrentUser user) {
		return queries.programmes(user.organizationId());
	}

	public ProgrammeView programme(CurrentUser user, long id) {
		loadProgramme(user, id);
		return programmes(user).stream().filter(p -> p.id() == id).findFirst().orElseThrow();
	}

	/** A new programme run by the municipal federation; it opens at once. */
	@Transactional
	public long createProgramme(CurrentUser user, ProgrammeData data) {
		permissions.requireManageProgrammes(user);
		ProgrammeKind kind = data.kind() == null ? ProgrammeKind.MUTUAL_AID_INSURANCE : data.kind();
		String name = Texts.required(data.name(), "name", 100);
		if (data.year() == null) {
			throw new RuleViolationException("year", "validation.required");
		}
		if (data.year() < 2000 || data.year() > 2100) {
			throw new RuleViolationException("year", "benefit.programme.error.year");
		}
		Texts.requireField(data.periodStart(), "periodStart");
		Texts.requireField(data.periodEnd(), "periodEnd");
		if (data.periodEnd().isBefore(data.periodStart())) {
			throw new RuleViolationException("periodEnd", "benefit.error.period");
		}
		BigDecimal premium = data.premium() == null ? BigDecimal.ZERO : checkAmount(data.premium(), "premium");
		long runBy = organizations.rootId();
		if (programmes.existsByOrganizationIdAndKindAndYear(runBy, kind, data.year())) {
			throw new RuleViolationException("year", "benefit.programme.error.duplicate", data.year());
		}
		BenefitProgramme programme = new BenefitProgramme(kind, name, data.year(), data.periodStart(),
				data.periodEnd(), premium, runBy, user.username(), clock.instant());
		try {
			programmes.saveAndFlush(programme);
		}
		catch (DataIntegrityViolationException concurrentDuplicate) {
			throw new RuleViolationException("year", "benefit.programme.error.duplicate", data.year());
		}
		audit.record(user.username(), "BENEFIT_PROGRAMME_CREATED", PROGRAMME, programme.getId(), runBy,
				"name=" + name + "; kind=" + kind + "; year=" + data.year() + "; premium=" + premium);
		return programme.getId();
	}

	@Transactional
	public void changeProgrammeStatus(CurrentUser user, long id, long version, ProgrammeStatus status) {
		BenefitProgramme programme = loadProgramme(user, id);
		permissions.requireManageProgrammes(user);
		if (programme.getVersion() != version) {
			throw new ConflictException("programme " + id + " changed meanwhile");
		}
		Texts.requireField(status, "status");
		ProgrammeStatus before = programme.getStatus();
		programme.changeStatus(status, clock.instant());
		programmes.saveAndFlush(programme);
		if (before != status) {
			audit.record(user.username(), "BENEFIT_PROGRAMME_" + status, PROGRAMME, id, programme.getOrganizationId(),
					"name=" + programme.getName() + "; status: " + before + " → " + status);
		}
	}

	/** A programme the user sees (404 otherwise). */
	BenefitProgramme loadProgramme(CurrentUser user, long id) {
		return programmes.findById(id)
			.filter(p -> organizations.scopeOf(user).liesWithin(p.getOrganizationId()) || organizations.scopeOf(user).contains(p.getOrganizationId()))
			.orElseThrow(() -> new NotFoundException("programme", id));
	}

	/** Yuan, at least 0, two decimals at most, below ten billion. */
	static BigDecimal checkAmount(BigDecimal amount, String field) {
		Texts.requireField(amount, field);
		if (amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2 || amount.compareTo(MAX_AMOUNT) > 0) {
			throw new RuleViolationException(field, "benefit.error.amount");
		}
		return amount.setScale(2, java.math.RoundingMode.UNNECESSARY);
	}

}
