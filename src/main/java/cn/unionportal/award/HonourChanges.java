package cn.unionportal.award;

import java.time.Clock;
import java.time.LocalDate;

import cn.unionportal.member.MemberManagement;
import cn.unionportal.member.MemberView;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What staff change in the honour register: an honour conferred outside the portal, revocation
 * (撤销), the holder's death and the listing on the public roll. Checks scope (404), permission
 * and input here; {@link HonourRecording} writes.
 */
@Service
@Transactional(readOnly = true)
public class HonourChanges {

	private final HonourRegister register;

	private final HonourRecording recording;

	private final HonourCatalogue catalogue;

	private final MemberManagement members;

	private final AwardPermissions permissions;

	private final Clock clock;

	HonourChanges(HonourRegister register, HonourRecording recording, HonourCatalogue catalogue,
			MemberManagement members, AwardPermissions permissions, Clock clock) {
		this.register = register;
		this.recording = recording;
		this.catalogue = catalogue;
		this.members = members;
		this.permissions = permissions;
		this.clock = clock;
	}

	/** Records an honour conferred outside the portal for a member of the scope (administrators). */
	@Transactional
	public long enter(CurrentUser user, long memberId, ManualHonourData data) {
		MemberView member = members.get(user, memberId);
		AwardPermissions.require(permissions.mayManageRegister(user), "register");
		HonourKindView kind = catalogue.kind(data.kindId());
		if (kind.isCollective()) {
			throw new RuleViolationException("kindId", "award.error.collectiveKind");
		}
		Texts.requireField(data.conferredOn(), "conferredOn");
		if (data.conferredOn().isAfter(LocalDate.now(clock))) {
			throw new RuleViolationException("conferredOn", "award.error.future");
		}
		if (data.year() < 1950 || data.year() > LocalDate.now(clock).getYear()) {
			throw new RuleViolationException("year", "award.error.range", 1950, LocalDate.now(clock).getYear());
		}
		String reference = Texts.required(data.documentReference(), "documentReference", 200);
		return recording.record(new HonourEntry(kind.id(), memberId, member.organizationId(), member.name(), data.year(),
				data.conferredOn(), HonourSource.MANUAL, null, null, reference, null), user.username());
	}

	/** Revokes an honour (撤销) with reason and document; the entitlements it granted end. */
	@Transactional
	public void revoke(CurrentUser user, long id, long version, String reason, String document) {
		HonourView honour = register.honour(user, id);
		AwardPermissions.require(permissions.mayManageRegister(user), "register");
		if (!honour.isActive()) {
			throw new RuleViolationException("reason", "award.error.alreadyRevoked");
		}
		String why = Texts.required(reason, "reason", 500);
		String doc = Texts.required(document, "document", 200);
		recording.revoke(honour, version, why, doc, user.username());
	}

	/** Records that the holder has died (the allowance stops; the honour stays on the roll). */
	@Transactional
	public void markDeceased(CurrentUser user, long id, long version) {
		HonourView honour = register.honour(user, id);
		recording.change(honour, version, "deceased = TRUE", "HONOUR_HOLDER_DECEASED", user.username());
	}

	/** The holder asked to be listed (or not) by name on the public honour roll. */
	@Transactional
	public void changeListing(CurrentUser user, long id, long version, boolean listed) {
		HonourView honour = register.honour(user, id);
		recording.change(honour, version, "listed = " + (listed ? "TRUE" : "FALSE"),
				listed ? "HONOUR_LISTED" : "HONOUR_UNLISTED", user.username());
	}
}
