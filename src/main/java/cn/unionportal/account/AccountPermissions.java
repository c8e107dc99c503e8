package cn.unionportal.account;

import java.util.EnumSet;
import java.util.Set;

import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.shared.ForbiddenException;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.shared.security.StaffRole;
import org.springframework.stereotype.Component;

/**
 * The account module's answers to "may this user do X here" (issue 9), asked by
 * {@link AccountManagement}. Scope comes first (404); these are the role checks (403) after it.
 * Administrator rights come from above: an organization administrator grants them, and changes
 * administrator accounts, only at organizations strictly below its own; federation administrators
 * anywhere.
 */
@Component
public class AccountPermissions {

	private final OrganizationManagement organizations;

	AccountPermissions(OrganizationManagement organizations) {
		this.organizations = organizations;
	}

	/** Listing, creating and changing staff accounts, and reading the login log: administrators. */
	public boolean mayManageAccounts(CurrentUser user) {
		return user.isAdministrator();
	}

	public void requireManageAccounts(CurrentUser user) {
		if (!mayManageAccounts(user)) {
			throw new ForbiddenException("account management needs an administrator");
		}
	}

	/**
	 * An account that holds the judge role and nothing else: it reaches only its score sheets, so
	 * {@code /} leads it there (issue 9: asked by competition's home route, not by role names).
	 */
	public boolean isJudgeOnly(CurrentUser user) {
		return user.roles().equals(EnumSet.of(StaffRole.JUDGE));
	}

	/** The whole login log, not only the accounts of the scope: federation administrators. */
	public boolean mayReadWholeLoginLog(CurrentUser user) {
		return user.has(StaffRole.FEDERATION_ADMIN);
	}

	/**
	 * The roles the caller may grant to an account of the given organization: staff anywhere in
	 * scope (also at the caller's own organization); organization administrator only below the
	 * caller's organization, unless the caller is a federation administrator; federation
	 * administrator only by one, at the municipal federation.
	 */
	public Set<StaffRole> grantableRoles(CurrentUser user, long organizationId) {
		Set<StaffRole> roles = EnumSet.of(StaffRole.STAFF);
		boolean federation = user.has(StaffRole.FEDERATION_ADMIN);
		if (federation || (user.has(StaffRole.ORG_ADMIN) && organizationId != user.organizationId())) {
			roles.add(StaffRole.ORG_ADMIN);
		}
		if (federation && organizationId == organizations.rootId()) {
			roles.add(StaffRole.FEDERATION_ADMIN);
		}
		if (user.isAdministrator()) { // competition judges (issue 10): reach only their score sheets
			roles.add(StaffRole.JUDGE);
		}
		return roles;
	}

	/** Refuses a change of an account (in scope) that the caller may not change. */
	void requireChangeOf(CurrentUser user, StaffAccount account) {
		if (account.getRoles().contains(StaffRole.FEDERATION_ADMIN) && !user.has(StaffRole.FEDERATION_ADMIN)) {
			throw new ForbiddenException("only federation administrators change federation administrators");
		}
		if (StaffAccount.isAdministrator(account.getRoles()) && account.getId() != user.accountId()
				&& account.getOrganizationId() == user.organizationId() && !user.has(StaffRole.FEDERATION_ADMIN)) {
			throw new ForbiddenException("administrators of one's own organization are managed from above");
		}
	}
}
