package cn.unionportal.account.web;

import java.util.EnumSet;
import java.util.Set;

import cn.unionportal.account.AccountManagement;
import cn.unionportal.account.AccountSummary;
import cn.unionportal.account.LoginEntry;
import cn.unionportal.account.NewAccount;
import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.organization.OrganizationView;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.shared.security.StaffRole;
import cn.unionportal.shared.web.FlashMessages;
import cn.unionportal.shared.web.FormErrors;
import cn.unionportal.shared.web.PageLinks;
import jakarta.validation.Valid;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Account administration and the login log, for federation and organization administrators.
 */
@Controller
@RequestMapping("/accounts")
class AccountController {

	private static final int PAGE_SIZE = 20;

	private final AccountManagement accounts;

	private final OrganizationManagement organizations;

	AccountController(AccountManagement accounts, OrganizationManagement organizations) {
		this.accounts = accounts;
		this.organizations = organizations;
	}

	@GetMapping
	String listAccounts(CurrentUser user, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, Model model) {
		Page<AccountSummary> results = accounts.search(user, q, PageRequest.of(Math.max(page, 0), PAGE_SIZE));
		model.addAttribute("accounts", results);
		model.addAttribute("q", q);
		model.addAttribute("pages", PageLinks.of(results,
				UriComponentsBuilder.fromPath("/accounts").queryParam("q", q == null ? "" : q).encode().toUriString()));
		return "accounts/list";
	}

	/** The locked accounts in scope, each with a link to its page (where the lock is cleared). */
	@GetMapping("/locked")
	String listLockedAccounts(CurrentUser user, @RequestParam(defaultValue = "0") int page, Model model) {
		Page<AccountSummary> results = accounts.locked(user, PageRequest.of(Math.max(page, 0), PAGE_SIZE));
		model.addAttribute("accounts", results);
		model.addAttribute("lockedOnly", true);
		model.addAttribute("pages", PageLinks.of(results, "/accounts/locked"));
		return "accounts/list";
	}

	@GetMapping("/new")
	String showCreateForm(CurrentUser user, @RequestParam(required = false) Long organization, Model model) {
		long organizationId = organization == null ? user.organizationId() : organization;
		model.addAttribute("form", new AccountForm("", "", organizationId, Set.of(), ""));
		return createForm(user, organizationId, model);
	}

	@PostMapping
	String createAccount(CurrentUser user, @Valid @ModelAttribute("form") AccountForm form, BindingResult binding,
			Model model, RedirectAttributes redirect) {
		long organizationId = form.organizationId() == null ? user.organizationId() : form.organizationId();
		if (binding.hasErrors()) {
			return createForm(user, organizationId, model);
		}
		try {
			long id = accounts.create(user, new NewAccount(form.username(), form.displayName(), organizationId,
					form.roles(), form.initialPassword()));
			FlashMessages.success(redirect, "account.created", form.username().strip());
			return "redirect:/accounts/" + id;
		}
		catch (RuleViolationException violation) {
			FormErrors.reject(binding, violation);
			return createForm(user, organizationId, model);
		}
	}

	private String createForm(CurrentUser user, long organizationId, Model model) {
		OrganizationView organization = organizations.get(user, organizationId);
		model.addAttribute("organization", organization);
		model.addAttribute("grantableRoles", accounts.grantableRoles(user, organizationId));
		return "accounts/new";
	}

	@GetMapping("/{id}")
	String showAccount(CurrentUser user, @PathVariable long id, Model model) {
		AccountSummary account = accounts.get(user, id);
		model.addAttribute("form", new AccountEditForm(account.displayName(), account.roles(), account.enabled(),
				account.version()));
		return editForm(user, account, model);
	}

	@PostMapping("/{id}")
	String updateAccount(CurrentUser user, @PathVariable long id, @Valid @ModelAttribute("form") AccountEditForm form,
			BindingResult binding, Model model, RedirectAttributes redirect) {
		AccountSummary account = accounts.get(user, id);
		if (binding.hasErrors()) {
			return editForm(user, account, model);
		}
		try {
			accounts.update(user, id, version(form.version()), form.displayName(), form.roles(), form.isEnabled());
			FlashMessages.success(redirect, "account.updated", account.username());
			return "redirect:/accounts/" + id;
		}
		catch (RuleViolationException violation) {
			FormErrors.reject(binding, violation);
			return editForm(user, account, model);
		}
	}

	@PostMapping("/{id}/password")
	String resetPassword(CurrentUser user, @PathVariable long id, @RequestParam(required = false) Long version,
			@RequestParam(required = false) String password, RedirectAttributes redirect) {
		AccountSummary account = accounts.get(user, id);
		try {
			accounts.resetPassword(user, id, version(version), password);
			FlashMessages.success(redirect, "account.passwordReset", account.username());
		}
		catch (RuleViolationException violation) {
			FlashMessages.error(redirect, violation.messageKey(), violation.arguments());
		}
		return "redirect:/accounts/" + id;
	}

	@PostMapping("/{id}/unlock")
	String unlockAccount(CurrentUser user, @PathVariable long id, @RequestParam(required = false) Long version,
			RedirectAttributes redirect) {
		AccountSummary account = accounts.get(user, id);
		accounts.unlock(user, id, version(version));
		FlashMessages.success(redirect, "account.unlocked", account.username());
		return "redirect:/accounts/" + id;
	}

	@GetMapping("/logins")
	String showLoginLog(CurrentUser user, @RequestParam(required = false) String username,
			@RequestParam(defaultValue = "0") int page, Model model) {
		Page<LoginEntry> entries = accounts.loginLog(user, username, PageRequest.of(Math.max(page, 0), 50));
		model.addAttribute("entries", entries);
		model.addAttribute("username", username);
		model.addAttribute("pages", PageLinks.of(entries, UriComponentsBuilder.fromPath("/accounts/logins")
			.queryParam("username", username == null ? "" : username)
			.encode()
			.toUriString()));
		return "accounts/logins";
	}

	private String editForm(CurrentUser user, AccountSummary account, Model model) {
		model.addAttribute("account", account);
		// roles the account already has stay on the form (kept, not granted), the others only if grantable
		Set<StaffRole> roles = EnumSet.copyOf(accounts.grantableRoles(user, account.organizationId()));
		roles.addAll(account.roles());
		model.addAttribute("grantableRoles", roles);
		return "accounts/edit";
	}

	private static long version(Long version) {
		return version == null ? -1 : version;
	}

}
