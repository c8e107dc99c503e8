package cn.unionportal.organization;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import cn.unionportal.organization.OrganizationEvents.OrganizationCreated;
import cn.unionportal.organization.OrganizationEvents.OrganizationDissolved;
import cn.unionportal.organization.OrganizationEvents.OrganizationMoved;
import cn.unionportal.shared.ConflictException;
import cn.unionportal.shared.ForbiddenException;
import cn.unionportal.shared.NotFoundException;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.audit.AuditTrail;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changing the hierarchy (issue 9, split from {@link OrganizationManagement}, which reads it):
 * creating, editing, moving and dissolving organizations within the user's scope. An id outside the
 * scope answers {@link NotFoundException}, exactly like a missing one; only then is the
 * administrator role checked ({@link ForbiddenException}). Every change is audited (subject
 * {@code ORGANIZATION}, at the organization itself; a move also at the old parent, so the subtree
 * it left sees it go) and announced as an {@link OrganizationEvents} event.
 */
@Service
public class OrganizationLifecycle {

	private static final String SUBJECT = OrganizationManagement.SUBJECT;

	private final OrganizationRepository organizations;

	private final OrganizationLinks links;

	private final List<DissolutionGuard> dissolutionGuards;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	private final Clock clock;

	private final OrganizationPermissions permissions;

	OrganizationLifecycle(OrganizationRepository organizations, OrganizationLinks links,
			List<DissolutionGuard> dissolutionGuards, ApplicationEventPublisher events, AuditTrail audit, Clock clock,
			OrganizationPermissions permissions) {
		this.organizations = organizations;
		this.links = links;
		this.dissolutionGuards = dissolutionGuards;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
		this.permissions = permissions;
	}

	@Transactional
	public long create(CurrentUser user, long parentId, OrganizationType type, OrganizationChanges changes) {
		Organization parent = load(user, parentId);
		permissions.requireChange(user);
		if (!parent.isActive()) {
			throw new RuleViolationException(null, "organization.error.parentDissolved");
		}
		if (!parent.getType().mayContain(type)) {
			throw new RuleViolationException("type", "organization.error.typeNotAllowed");
		}
		checkChanges(parent.getId(), 0, type, changes);
		Organization organization = new Organization(parent, type, changes, clock.instant());
		saveChecked(organization);
		links.linkNew(organization.getId(), parent.getId());
		audit.record(user.username(), "ORGANIZATION_CREATED", SUBJECT, organization.getId(), organization.getId(),
				"name=" + organization.getName() + "; type=" + type + "; parent=" + parent.getId());
		events.publishEvent(new OrganizationCreated(organization.getId(), parent.getId(), type));
		return organization.getId();
	}

	@Transactional
	public void update(CurrentUser user, long id, long version, OrganizationChanges changes) {
		Organization organization = load(user, id);
		permissions.requireChange(user);
		requireVersion(organization, version);
		long parentId = organization.getParentId() == null ? -1 : organization.getParentId();
		checkChanges(parentId, id, organization.getType(), changes);
		String before = describe(organization);
		organization.apply(changes, clock.instant());
		saveChecked(organization);
		audit.record(user.username(), "ORGANIZATION_UPDATED", SUBJECT, id, id, before + " → " + describe(organization));
	}

	@Transactional
	public void move(CurrentUser user, long id, long version, long newParentId) {
		Organization organization = load(user, id);
		permissions.requireChange(user);
		requireVersion(organization, version);
		if (id == user.organizationId() || organization.getParentId() == null) {
			throw new RuleViolationException("parentId", "organization.error.moveScopeRoot");
		}
		if (!organization.isActive()) {
			throw new RuleViolationException("parentId", "organization.error.alreadyDissolved");
		}
		Organization newParent = load(user, newParentId);
		if (links.isWithin(id, newParentId)) {
			throw new RuleViolationException("parentId", "organization.error.moveIntoOwnSubtree");
		}
		if (!newParent.isActive()) {
			throw new RuleViolationException("parentId", "organization.error.parentDissolved");
		}
		if (!newParent.getType().mayContain(organization.getType())) {
			throw new RuleViolationException("parentId", "organization.error.typeNotAllowed");
		}
		if (organizations.existsSiblingNamed(newParentId, organization.getName(), id)) {
			throw new RuleViolationException("parentId", "organization.error.nameTakenAtTarget");
		}
		long oldParentId = organization.getParentId();
		if (oldParentId == newParentId) {
			return;
		}
		organization.moveUnder(newParent, clock.instant());
		saveChecked(organization);
		links.move(id, newParentId);
		String details = "name=" + organization.getName() + "; parent " + oldParentId + " → " + newParentId;
		audit.record(user.username(), "ORGANIZATION_MOVED", SUBJECT, id, id, details);
		audit.record(user.username(), "ORGANIZATION_MOVED", SUBJECT, id, oldParentId, details);
		events.publishEvent(new OrganizationMoved(id, oldParentId, newParentId));
	}

	@Transactional
	public void dissolve(CurrentUser user, long id, long version, LocalDate on) {
		Organization organization = load(user, id);
		permissions.requireChange(user);
		requireVersion(organization, version);
		if (id == user.organizationId() || organization.getParentId() == null) {
			throw new RuleViolationException(null, "organization.error.dissolveScopeRoot");
		}
		if (!organization.isActive()) {
			throw new RuleViolationException(null, "organization.error.alreadyDissolved");
		}
		long activeChildren = organizations.countActiveChildren(id);
		if (activeChildren > 0) {
			throw new RuleViolationException(null, "organization.error.hasActiveChildren", activeChildren);
		}
		for (DissolutionGuard guard : dissolutionGuards) {
			Optional<DissolutionGuard.Refusal> refusal = guard.check(id);
			if (refusal.isPresent()) {
				throw new RuleViolationException(null, refusal.get().messageKey(), refusal.get().count());
			}
		}
		organization.dissolve(on == null ? LocalDate.now(clock) : on, clock.instant());
		saveChecked(organization);
		audit.record(user.username(), "ORGANIZATION_DISSOLVED", SUBJECT, id, id,
				"name=" + organization.getName() + "; on " + organization.getDissolvedOn());
		events.publishEvent(new OrganizationDissolved(id));
	}

	private Organization load(CurrentUser user, long id) {
		return organizations.findInScope(user.organizationId(), id)
			.orElseThrow(() -> new NotFoundException("organization", id));
	}

	private static String describe(Organization o) {
		return "name=" + o.getName() + "; chair=" + (o.getChair() == null ? "" : o.getChair()) + "; founded="
				+ (o.getFoundedOn() == null ? "" : o.getFoundedOn()) + "; creditCode="
				+ (o.getCreditCode() == null ? "" : o.getCreditCode());
	}

	private static void requireVersion(Organization organization, long version) {
		if (organization.getVersion() != version) {
			throw new ConflictException("organization " + organization.getId() + " changed meanwhile");
		}
	}

	private void checkChanges(long parentId, long selfId, OrganizationType type, OrganizationChanges changes) {
		if (organizations.existsSiblingNamed(parentId, changes.name().strip(), selfId)) {
			throw new RuleViolationException("name", "organization.error.nameTaken");
		}
		String code = CreditCode.normalize(changes.creditCode());
		if (code != null) {
			if (!type.isEnterprise()) {
				throw new RuleViolationException("creditCode", "organization.error.creditCodeNotAllowed");
			}
			CreditCode.problem(code).ifPresent(problem -> {
				throw creditCodeProblem(code, problem);
			});
			if (organizations.existsActiveWithCreditCode(code, selfId)) {
				throw new RuleViolationException("creditCode", "organization.error.creditCodeTaken");
			}
		}
	}

	/** The message names the wrong part of the code and what was typed there. */
	private static RuleViolationException creditCodeProblem(String code, CreditCode.Problem problem) {
		String key = "organization.error.creditCode." + problem;
		return switch (problem) {
			case DEPARTMENT -> new RuleViolationException("creditCode", key, code.substring(0, 1));
			case CATEGORY -> new RuleViolationException("creditCode", key, code.substring(1, 2), code.substring(0, 1),
					String.join("/", CreditCode.categoriesOf(code.charAt(0)).split("")));
			case DIVISION -> new RuleViolationException("creditCode", key, code.substring(2, 8));
			default -> new RuleViolationException("creditCode", key);
		};
	}

	private void saveChecked(Organization organization) {
		try {
			organizations.saveAndFlush(organization);
		}
		catch (DataIntegrityViolationException duplicate) {
			// a concurrent request took the name among the same siblings
			throw new RuleViolationException("name", "organization.error.nameTaken");
		}
	}

}
