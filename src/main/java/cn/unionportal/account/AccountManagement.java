package cn.unionportal.account;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.unionportal.organization.OrganizationEvents.OrganizationDissolved;
import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.shared.ConflictException;
import cn.unionportal.shared.NotFoundException;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.SearchPatterns;
import cn.unionportal.audit.AuditTrail;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.shared.security.StaffRole;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff accounts: administrators manage the accounts in their subtree; everybody changes their
 * own password. Accounts outside the caller's scope answer {@link NotFoundException}.
 * Administrator rights come from above: an organization administrator grants them, and changes
 * administrator accounts, only at organizations strictly below its own; federation administrators
 * anywhere. Every creation, grant, enabling, disabling, password reset and unlock is audited
 * (subject {@code STAFF_ACCOUNT}, at the account's organization) and remembers who did it, for
 * {@link AccountLinks}.
 */
@Service
@Transactional(readOnly = true)
public class AccountManagement {

	/** Audit subject of staff accounts. */
	public static final String SUBJECT = "STAFF_ACCOUNT";

	private final StaffAccountRepository accounts;

	private final LoginEventRepository loginLog;

	private final OrganizationManagement organizations;

	private final PasswordEncoder passwordEncoder;

	private final AuditTrail audit;

	private final Clock clock;

	private final AccountPermissions permissions;

	AccountManagement(StaffAccountRepository accounts, LoginEventRepository loginLog,
			OrganizationManagement organizations, PasswordEncoder passwordEncoder, AuditTrail audit, Clock clock, AccountPermissions permissions) {
		this.permissions = permissions;
		this.accounts = accounts;
		this.loginLog = loginLog;
		this.organizations = organizations;
		this.passwordEncoder = passwordEncoder;
		this.audit = audit;
		this.clock = clock;
	}

	public Page<AccountSummary> search(CurrentUser user, String query, Pageable pageable) {
		permissions.requireManageAccounts(user);
		Page<StaffAccount> page = accounts.search(user.organizationId(), SearchPatterns.contains(query),
				PageRequest.of(pageable.getPageNumber(), pageable.getPageSize()));
		Map<Long, String> names = organizations.scopeOf(user)
			.names(page.getContent().stream().map(StaffAccount::getOrganizationId).toList());
		return page.map(account -> summary(account, names.get(account.getOrganizationId())));
	}

	/** The accounts in the caller's scope that are locked now (too many failed sign-ins). */
	public Page<AccountSummary> locked(CurrentUser user, Pageable pageable) {
		permissions.requireManageAccounts(user);
		Page<StaffAccount> page = accounts.findLocked(user.organizationId(), clock.instant(),
				PageRequest.of(pageable.getPageNumber(), pageable.getPageSize()));
		Map<Long, String> names = organizations.scopeOf(user)
			.names(page.getContent().stream().map(StaffAccount::getOrganizationId).toList());
		return page.map(account -> summary(account, names.get(account.getOrganizationId())));
	}

	public AccountSummary get(CurrentUser user, long id) {
		permissions.requireManageAccounts(user);
		StaffAccount account = load(user, id);
		return summary(account, organizations.scopeOf(user).name(account.getOrganizationId()));
	}

	/** The roles the caller may grant to an account of the organization ({@link AccountPermissions}). */
	public Set<StaffRole> grantableRoles(CurrentUser user, long organizationId) {
		return permissions.grantableRoles(user, organizationId);
	}

	@Transactional
	public long create(CurrentUser user, NewAccount account) {
		permissions.requireManageAccounts(user);
		organizations.scopeOf(user).require(account.organizationId());
		if (!organizations.isActiveWithinScope(user, account.organizationId())) {
			throw new RuleViolationException(null, "account.error.organizationDissolved");
		}
		String username = LoginNames.staff(account.username());
		if (accounts.existsByUsername(username)) {
			throw new RuleViolationException("username", "account.error.usernameTaken");
		}
		checkRoles(user, account.organizationId(), account.roles(), Set.of());
		checkPassword("initialPassword", username, account.initialPassword());
		StaffAccount created = new StaffAccount(username, account.displayName().strip(),
				passwordEncoder.encode(account.initialPassword()), account.organizationId(), account.roles(), true,
				clock.instant());
		created.createdBy(actorId(user));
		try {
			accounts.saveAndFlush(created);
		}
		catch (DataIntegrityViolationException concurrentDuplicate) {
			throw new RuleViolationException("username", "account.error.usernameTaken");
		}
		audit(user, "ACCOUNT_CREATED", created, "username=" + username + "; roles=" + sorted(created.getRoles()));
		return created.getId();
	}

	@Transactional
	public void update(CurrentUser user, long id, long version, String displayName, Set<StaffRole> roles,
			boolean enabled) {
		permissions.requireManageAccounts(user);
		StaffAccount account = loadForChange(user, id, version);
		if (account.getId() == user.accountId() && (!enabled || !roles.containsAll(account.getRoles()))) {
			throw new RuleViolationException(null, "account.error.selfDemotion");
		}
		checkRoles(user, account.getOrganizationId(), roles, account.getRoles());
		if (enabled && !account.isEnabled() && !organizations.isActiveWithinScope(user, account.getOrganizationId())) {
			throw new RuleViolationException(null, "account.error.organizationDissolved");
		}
		Set<StaffRole> rolesBefore = account.getRoles();
		boolean enabledBefore = account.isEnabled();
		String nameBefore = account.getDisplayName();
		account.grantedBy(actorId(user), roles);
		account.update(displayName.strip(), roles, enabled, clock.instant());
		accounts.saveAndFlush(account);
		auditUpdate(user, account, rolesBefore, enabledBefore, nameBefore);
	}

	/** Sets a temporary password that must be changed at the next login; also lifts a lock. */
	@Transactional
	public void resetPassword(CurrentUser user, long id, long version, String temporaryPassword) {
		permissions.requireManageAccounts(user);
		StaffAccount account = loadForChange(user, id, version);
		checkPassword("password", account.getUsername(), temporaryPassword);
		account.changePassword(passwordEncoder.encode(temporaryPassword), true, clock.instant());
		account.unlock(clock.instant());
		account.passwordResetBy(actorId(user));
		accounts.saveAndFlush(account);
		audit(user, "ACCOUNT_PASSWORD_RESET", account, null);
	}

	@Transactional
	public void unlock(CurrentUser user, long id, long version) {
		permissions.requireManageAccounts(user);
		StaffAccount account = loadForChange(user, id, version);
		account.unlock(clock.instant());
		accounts.saveAndFlush(account);
		audit(user, "ACCOUNT_UNLOCKED", account, null);
	}

	/** The signed-in user changes their own password, proving the current one. */
	@Transactional
	public void changeOwnPassword(CurrentUser user, String currentPassword, String newPassword) {
		StaffAccount account = accounts.findById(user.accountId())
			.orElseThrow(() -> new NotFoundException("account", user.accountId()));
		if (currentPassword == null || !passwordEncoder.matches(currentPassword, account.getPasswordHash())) {
			throw new RuleViolationException("currentPassword", "account.error.currentPasswordWrong");
		}
		if (passwordEncoder.matches(newPassword, account.getPasswordHash())) {
			throw new RuleViolationException("newPassword", "account.error.passwordUnchanged");
		}
		checkPassword("newPassword", account.getUsername(), newPassword);
		account.changePassword(passwordEncoder.encode(newPassword), false, clock.instant());
		accounts.saveAndFlush(account);
	}

	public Page<LoginEntry> loginLog(CurrentUser user, String username, Pageable pageable) {
		permissions.requireManageAccounts(user);
		Pageable unsorted = PageRequest.of(pageable.getPageNumber(), pageable.getPageSize());
		Page<LoginEvent> page = permissions.mayReadWholeLoginLog(user)
				? loginLog.findAll(SearchPatterns.contains(username), unsorted)
				: loginLog.findInScope(user.organizationId(), SearchPatterns.contains(username), unsorted);
		return page.map(event -> event.toEntry(clock.getZone()));
	}

	/** Creates an account without a caller (start-up: first administrator, demo data). */
	@Transactional
	public long createInitialAccount(String username, String displayName, long organizationId, Set<StaffRole> roles,
			String password, boolean mustChangePassword) {
		StaffAccount account = new StaffAccount(username, displayName, passwordEncoder.encode(password), organizationId,
				roles, mustChangePassword, clock.instant());
		accounts.saveAndFlush(account);
		return account.getId();
	}

	public boolean hasAnyAccount() {
		return accounts.count() > 0;
	}

	public boolean exists(String username) {
		return accounts.existsByUsername(username);
	}

	/**
	 * The accounts of a dissolved organization can no longer sign in. Synchronous, in the
	 * dissolution's transaction: both happen together or neither does, with no moment in which
	 * the accounts of a dissolved organization still sign in.
	 */
	@EventListener
	@Transactional
	public void on(OrganizationDissolved event) {
		accounts.disableAllAt(event.organizationId(), clock.instant());
	}

	// ---- helpers -------------------------------------------------------------------------

	private StaffAccount load(CurrentUser user, long id) {
		return accounts.findInScope(user.organizationId(), id).orElseThrow(() -> new NotFoundException("account", id));
	}

	private StaffAccount loadForChange(CurrentUser user, long id, long version) {
		StaffAccount account = load(user, id);
		permissions.requireChangeOf(user, account);
		if (account.getVersion() != version) {
			throw new ConflictException("account " + id + " changed meanwhile");
		}
		return account;
	}

	/** The roles must be ones the caller may grant there, or ones the account already has. */
	private void checkRoles(CurrentUser user, long organizationId, Set<StaffRole> roles, Set<StaffRole> current) {
		if (roles == null || roles.isEmpty()) {
			throw new RuleViolationException("roles", "account.error.rolesRequired");
		}
		Set<StaffRole> allowed = EnumSet.copyOf(grantableRoles(user, organizationId));
		allowed.addAll(current);
		if (!allowed.containsAll(roles)) {
			throw new RuleViolationException("roles", "account.error.roleNotGrantable");
		}
	}

	private static Long actorId(CurrentUser user) {
		return user.accountId() > 0 ? user.accountId() : null;
	}

	private static List<StaffRole> sorted(Set<StaffRole> roles) {
		return roles.stream().sorted().toList();
	}

	private void audit(CurrentUser user, String action, StaffAccount account, String details) {
		audit.record(user.username(), action, SUBJECT, account.getId(), account.getOrganizationId(),
				details == null ? "username=" + account.getUsername() : details);
	}

	private void auditUpdate(CurrentUser user, StaffAccount account, Set<StaffRole> rolesBefore, boolean enabledBefore,
			String nameBefore) {
		if (!rolesBefore.equals(account.getRoles())) {
			audit(user, "ACCOUNT_ROLES_CHANGED", account, "username=" + account.getUsername() + "; roles: "
					+ sorted(rolesBefore) + " → " + sorted(account.getRoles()));
		}
		if (enabledBefore != account.isEnabled()) {
			audit(user, account.isEnabled() ? "ACCOUNT_ENABLED" : "ACCOUNT_DISABLED", account, null);
		}
		if (!nameBefore.equals(account.getDisplayName())) {
			audit(user, "ACCOUNT_RENAMED", account, "username=" + account.getUsername() + "; display name: "
					+ nameBefore + " → " + account.getDisplayName());
		}
	}

	static void checkPassword(String field, String username, String password) {
		PasswordPolicy.check(field, username, password);
	}

	private AccountSummary summary(StaffAccount account, String organizationName) {
		return new AccountSummary(account.getId(), account.getUsername(), account.getDisplayName(),
				account.getOrganizationId(), organizationName, account.getRoles(), account.isEnabled(),
				account.isLockedAt(clock.instant()),
				account.isMustChangePassword(), account.getVersion());
	}
}
