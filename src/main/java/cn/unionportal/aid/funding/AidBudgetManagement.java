package cn.unionportal.aid.funding;

import cn.unionportal.aid.AidPermissions;
import cn.unionportal.aid.cases.AidAmountRules;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.organization.Scope;
import cn.unionportal.organization.ScopedPlans;
import cn.unionportal.organization.OrganizationSummary;
import cn.unionportal.shared.ConflictException;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.audit.AuditTrail;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Yearly aid budgets. Everyone sees the budgets of the organizations in their scope (amount,
 * spent, remaining); administrators (federation or organization) set them for organizations in
 * their scope, never below what has been spent. A budget is set by the level above the
 * organization that spends it: nobody sets their own organization's budget, except the municipal
 * federation's, which has no level above it and is set by its federation administrators. Payments draw on the budget of the paying user's
 * organization for the case's year (see {@link AidCasePayments#pay}).
 */
@Service
@Transactional(readOnly = true)
public class AidBudgetManagement {

	static final String SUBJECT = "AID_BUDGET";

	private static final int CHOICES = 200;

	private final AidBudgetRepository budgets;

	private final OrganizationManagement organizations;

	private final AuditTrail audit;

	private final Clock clock;

	private final AidPermissions permissions;

	private final ScopedPlans plans;

	AidBudgetManagement(AidBudgetRepository budgets, OrganizationManagement organizations, AuditTrail audit,
			Clock clock, AidPermissions permissions, ScopedPlans plans) {
		this.permissions = permissions;
		this.plans = plans;
		this.budgets = budgets;
		this.organizations = organizations;
		this.audit = audit;
		this.clock = clock;
	}

	/** The budgets of the year of every organization in the user's scope that has one. */
	public List<AidBudgetView> budgets(CurrentUser user, int year) {
		List<AidBudget> list = inScope(user, year);
		Map<Long, String> names = organizations.scopeOf(user).names(list.stream().map(AidBudget::getOrganizationId).toList());
		return list.stream().map(b -> view(b, names.get(b.getOrganizationId()))).toList();
	}

	/**
	 * The budgets of the year in the user's subtree. A cached generic plan of this statement walks
	 * the scope's closure rows to probe the budgets (2.2 ms at the federation with no budget at
	 * all), so it is planned for the bound scope (issue 13).
	 */
	private List<AidBudget> inScope(CurrentUser user, int year) {
		plans.forThisTransaction();
		return budgets.findInScope(user.organizationId(), year);
	}

	/** The budget of one organization in scope, if it has one for the year. */
	public Optional<AidBudgetView> budget(CurrentUser user, long organizationId, int year) {
		Scope scope = organizations.scopeOf(user);
		scope.require(organizationId);
		return budgets.findById(new AidBudgetKey(organizationId, year))
			.map(b -> view(b, scope.name(organizationId)));
	}

	/**
	 * Organizations a budget may be set for on the page: the top of the scope, its direct children,
	 * those that already have a budget of the year, and {@code extra} (an organization in scope
	 * picked by a link).
	 */
	public List<OrganizationSummary> choices(CurrentUser user, int year, Long extra) {
		Map<Long, OrganizationSummary> choices = new LinkedHashMap<>();
		OrganizationSummary root = organizations.scopeRoot(user);
		choices.put(root.id(), root);
		if (extra != null) {
			organizations.scopeOf(user).require(extra);
			var view = organizations.get(user, extra);
			choices.putIfAbsent(extra, new OrganizationSummary(view.id(), view.name(), view.type(), view.status(),
					view.parentId(), 0));
		}
		organizations.children(user, root.id(), PageRequest.of(0, CHOICES))
			.forEach(child -> choices.putIfAbsent(child.id(), child));
		List<Long> budgeted = new ArrayList<>();
		for (AidBudget b : inScope(user, year)) {
			if (!choices.containsKey(b.getOrganizationId())) {
				budgeted.add(b.getOrganizationId());
			}
		}
		for (Long id : budgeted) {
			var view = organizations.get(user, id);
			choices.put(id, new OrganizationSummary(view.id(), view.name(), view.type(), view.status(),
					view.parentId(), 0));
		}
		return choices.values().stream().filter(o -> permissions.mayEditBudget(user, o.id())).toList();
	}

	/**
	 * Sets the budget of an organization for a year.
	 *
	 * @param version the version the page showed, {@code null} when it showed no budget yet
	 */
	@Transactional
	public void setBudget(CurrentUser user, long organizationId, int year, BigDecimal amount, Long version) {
		organizations.scopeOf(user).require(organizationId);
		permissions.requireEditBudgets(user);
		if (!permissions.mayEditBudget(user, organizationId)) {
			throw new RuleViolationException("organizationId", "aid.budget.error.ownOrganization");
		}
		AidPolicyManagement.checkYear(year);
		if (amount == null) {
			throw new RuleViolationException("amount", "validation.required");
		}
		if (amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2 || amount.precision() - amount.scale() > 12) {
			throw new RuleViolationException("amount", "aid.budget.error.amount");
		}
		BigDecimal value = amount.setScale(2);
		Optional<AidBudget> existing = budgets.findById(new AidBudgetKey(organizationId, year));
		String before;
		AidBudget budget;
		if (existing.isPresent()) {
			budget = existing.get();
			if (version == null) {
				throw new RuleViolationException("organizationId", "aid.budget.error.exists");
			}
			if (budget.getVersion() != version) {
				throw new ConflictException("budget changed meanwhile");
			}
			if (value.compareTo(budget.getSpent()) < 0) {
				throw new RuleViolationException("amount", "aid.budget.error.belowSpent",
						AidAmountRules.plain(budget.getSpent()));
			}
			before = AidAmountRules.plain(budget.getAmount());
			budget.setAmount(value, user.username(), clock.instant());
		}
		else {
			if (version != null) {
				throw new ConflictException("budget removed meanwhile");
			}
			before = "—";
			budget = new AidBudget(organizationId, year, value, user.username(), clock.instant());
		}
		try {
			budgets.saveAndFlush(budget);
		}
		catch (DataIntegrityViolationException concurrentCreate) {
			throw new ConflictException("budget created meanwhile");
		}
		audit.record(user.username(), "AID_BUDGET_SET", SUBJECT, organizationId, organizationId,
				"year " + year + ": amount " + before + " → " + AidAmountRules.plain(value) + "; spent "
						+ AidAmountRules.plain(budget.getSpent()));
	}

	private AidBudgetView view(AidBudget b, String name) {
		return new AidBudgetView(b.getOrganizationId(), name, b.getYear(), b.getAmount(), b.getSpent(), b.getVersion(),
				b.getUpdatedBy(), LocalDateTime.ofInstant(b.getUpdatedAt(), clock.getZone()));
	}
}
