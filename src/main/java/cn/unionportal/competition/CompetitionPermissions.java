package cn.unionportal.competition;

import cn.unionportal.organization.Scope;
import cn.unionportal.organization.Scopes;
import cn.unionportal.shared.ForbiddenException;
import cn.unionportal.shared.NotFoundException;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.shared.security.StaffRole;
import org.springframework.stereotype.Component;

/**
 * The one place that answers "may this user do X here" for competitions. Every staff user sees
 * the catalogue; the organizer's staff (a scope holding the organizing organization) manage a
 * competition and see all its entries and scores; other staff see and register the entries of
 * their own scope. Judges reach only their trades' score sheets ({@link Judging}).
 */
@Component
public class CompetitionPermissions {

	private final Scopes scopes;

	CompetitionPermissions(Scopes scopes) {
		this.scopes = scopes;
	}

	public Scope scope(CurrentUser user) {
		return scopes.of(user);
	}

	/** Staff roles (not a judge-only account) work on competitions. */
	public boolean isStaff(CurrentUser user) {
		return user.has(StaffRole.FEDERATION_ADMIN) || user.has(StaffRole.ORG_ADMIN) || user.has(StaffRole.STAFF);
	}

	public void requireStaff(CurrentUser user) {
		if (!isStaff(user)) {
			throw new ForbiddenException("competition staff only");
		}
	}

	/** The organizer's staff (the organizing organization lies in their scope). */
	public boolean isOrganizer(CurrentUser user, long organizerId) {
		return isStaff(user) && scope(user).contains(organizerId);
	}

	/** A new competition for an organization of the scope (404 outside it, like a missing one). */
	public void requireMayCreate(CurrentUser user, long organizerId) {
		scope(user).require(organizerId);
		requireStaff(user);
	}

	/** Managing a competition (trades, lifecycle, judges, draw, disqualification, results). */
	public void requireOrganizer(CurrentUser user, long organizerId) {
		requireStaff(user);
		if (!scope(user).contains(organizerId)) {
			throw new ForbiddenException("not the organizer");
		}
	}

	/** Whether the user sees this entry: organizer, or the registering organization in scope. */
	public boolean seesEntry(CurrentUser user, long organizerId, long registeringOrganizationId) {
		return isStaff(user) && (scope(user).contains(organizerId) || scope(user).contains(registeringOrganizationId));
	}

	public void requireSeesEntry(CurrentUser user, long organizerId, long registeringOrganizationId, long entryId) {
		if (!seesEntry(user, organizerId, registeringOrganizationId)) {
			throw new NotFoundException("entry", entryId);
		}
	}

	/** Withdrawing an entry: its registering organization's staff or the organizer. */
	public boolean mayWithdraw(CurrentUser user, long organizerId, long registeringOrganizationId) {
		return seesEntry(user, organizerId, registeringOrganizationId);
	}
}
