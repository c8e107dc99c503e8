package cn.unionportal.organization;

import java.time.Clock;

import cn.unionportal.shared.ConflictException;
import cn.unionportal.shared.NotFoundException;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Affiliations of enterprise unions with industry or area federations (issue 9, split from
 * {@link OrganizationManagement}): both organizations must lie in the user's scope (404
 * otherwise), and only administrators change them. Adding one twice changes nothing.
 */
@Service
public class OrganizationAffiliations {

	private final OrganizationRepository organizations;

	private final AffiliationRepository affiliations;

	private final Clock clock;

	private final OrganizationPermissions permissions;

	OrganizationAffiliations(OrganizationRepository organizations, AffiliationRepository affiliations, Clock clock,
			OrganizationPermissions permissions) {
		this.organizations = organizations;
		this.affiliations = affiliations;
		this.clock = clock;
		this.permissions = permissions;
	}

	@Transactional
	public void affiliate(CurrentUser user, long unionId, long federationId) {
		Organization union = load(user, unionId);
		Organization federation = load(user, federationId);
		permissions.requireChange(user);
		if (!union.getType().isEnterprise() || !federation.getType().isAffiliationTarget()) {
			throw new RuleViolationException("federationId", "organization.error.affiliationType");
		}
		if (!union.isActive() || !federation.isActive()) {
			throw new RuleViolationException("federationId", "organization.error.affiliationDissolved");
		}
		if (affiliations.existsById(new Affiliation.Key(unionId, federationId))) {
			return;
		}
		try {
			affiliations.saveAndFlush(new Affiliation(union, federation, clock.instant()));
		}
		catch (DataIntegrityViolationException concurrentDuplicate) {
			// the same affiliation added by a concurrent click: nothing to double
			throw new ConflictException("affiliation exists");
		}
	}

	@Transactional
	public void removeAffiliation(CurrentUser user, long unionId, long federationId) {
		load(user, unionId);
		load(user, federationId);
		permissions.requireChange(user);
		affiliations.deleteById(new Affiliation.Key(unionId, federationId));
	}

	private Organization load(CurrentUser user, long id) {
		return organizations.findInScope(user.organizationId(), id)
			.orElseThrow(() -> new NotFoundException("organization", id));
	}

}
