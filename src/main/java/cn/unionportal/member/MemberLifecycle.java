package cn.unionportal.member;

import java.time.Clock;
import java.time.LocalDate;

import cn.unionportal.audit.AuditTrail;
import cn.unionportal.shared.NotFoundException;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The write side of the registry: registering a member, editing the record, changing the status
 * and the member's own mobile number. Each step checks the identity rules
 * ({@link MemberIdentityRules}), keeps the pinyin keys with the name, is audited with personal
 * values masked, and publishes the event other modules count on.
 */
@Component
@Transactional
class MemberLifecycle {

	private final MemberRepository members;

	private final MemberIdentityRules rules;

	private final MemberTransfers transfers;

	private final AuditTrail audit;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	MemberLifecycle(MemberRepository members, MemberIdentityRules rules, MemberTransfers transfers, AuditTrail audit,
			JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
		this.members = members;
		this.rules = rules;
		this.transfers = transfers;
		this.audit = audit;
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
	}

	long register(CurrentUser user, MemberData data) {
		rules.requireHome(user, data.organizationId());
		MemberIdentityRules.Identity identity = rules.checkIdentity(data);
		ProtectedValue phone = rules.protectPhone(data.phone());
		rules.rejectDuplicate(user, identity.hash(), null, identity.protectedValue().masked());
		LocalDate joinDate = data.joinDate() == null ? LocalDate.now(clock) : data.joinDate();
		String card = CardNumbers.format(LocalDate.now(clock).getYear(), members.nextCardSequence());
		Member member = new Member(data.name().strip(), identity.gender(), data.documentType(), identity.protectedValue(),
				identity.birthDate(), phone, data.employmentType(), data.organizationId(), joinDate, card,
				clock.instant());
		saveChecked(member);
		audit.record(user.username(), "CREATE", MemberManagement.SUBJECT, member.getId(), member.getOrganizationId(),
				describe(member));
		events.publishEvent(new MemberEvents.MemberJoined(member.getId(), member.getOrganizationId(), joinDate));
		return member.getId();
	}

	void update(CurrentUser user, long id, long version, MemberData data) {
		Member member = load(user, id);
		MemberTransfers.requireVersion(member.getVersion(), version);
		MemberData effective = rules.withStoredValues(member, data);
		MemberIdentityRules.Identity identity = rules.checkIdentity(effective);
		ProtectedValue phone = rules.protectPhone(effective.phone());
		if (member.getStatus() == MemberStatus.ACTIVE) {
			rules.rejectDuplicate(user, identity.hash(), member.getId(), identity.protectedValue().masked());
		}
		String before = describe(member);
		member.update(data.name().strip(), identity.gender(), data.documentType(), identity.protectedValue(),
				identity.birthDate(), phone, data.employmentType(),
				data.joinDate() == null ? member.getJoinDate() : data.joinDate(), clock.instant());
		saveChecked(member);
		audit.record(user.username(), "UPDATE", MemberManagement.SUBJECT, member.getId(), member.getOrganizationId(),
				changes(before, member));
	}

	void changeStatus(CurrentUser user, long id, long version, MemberStatus status) {
		Member member = load(user, id);
		MemberTransfers.requireVersion(member.getVersion(), version);
		MemberIdentityRules.requireField(status, "status");
		if (member.getStatus() == status) {
			return;
		}
		if (status == MemberStatus.ACTIVE) {
			rules.rejectDuplicate(user, member.getIdNumberHash(), id, null);
		}
		if (status != MemberStatus.ACTIVE && transfers.hasPendingTransfer(id)) {
			throw new RuleViolationException("status", "member.error.transferPending");
		}
		MemberStatus old = member.getStatus();
		member.changeStatus(status, clock.instant());
		saveChecked(member);
		audit.record(user.username(), "STATUS", MemberManagement.SUBJECT, id, member.getOrganizationId(),
				"status: " + old + " → " + status);
		events.publishEvent(new MemberEvents.MemberStatusChanged(id, old, status, member.getOrganizationId(),
				LocalDate.now(clock)));
	}

	void changeOwnPhone(long memberId, String phone) {
		Member member = members.findById(memberId).orElseThrow(() -> new NotFoundException("member", memberId));
		if (PersonalData.normalizePhone(phone) == null) {
			throw new RuleViolationException("phone", "validation.required");
		}
		ProtectedValue protectedPhone = rules.protectPhone(phone);
		String before = member.getPhoneMasked();
		member.update(member.getName(), member.getGender(), member.getDocumentType(),
				new ProtectedValue(member.getIdNumberCipher(), member.getIdNumberHash(), member.getIdNumberMasked()),
				member.getBirthDate(), protectedPhone, member.getEmploymentType(), member.getJoinDate(),
				clock.instant());
		members.saveAndFlush(member);
		audit.record("member:" + member.getCardNumber(), "UPDATE", MemberManagement.SUBJECT, member.getId(),
				member.getOrganizationId(), "phone: " + before + " → " + member.getPhoneMasked());
	}

	private Member load(CurrentUser user, long id) {
		return members.findInScope(user.organizationId(), id).orElseThrow(() -> new NotFoundException("member", id));
	}

	private void saveChecked(Member member) {
		try {
			members.saveAndFlush(member);
			MemberPinyinKeys.replace(jdbc, member.getId(), member.getName(), member.getOrganizationId());
		}
		catch (DataIntegrityViolationException concurrent) {
			// the same person registered by a concurrent request
			throw new RuleViolationException("idNumber", "member.error.duplicateElsewhere");
		}
	}

	/** The member's audited fields, personal ones masked. */
	private static String describe(Member m) {
		return "name=" + m.getName() + "; gender=" + m.getGender() + "; document=" + m.getDocumentType() + "; idNumber="
				+ m.getIdNumberMasked() + "; birthYear=" + m.getBirthYear() + "; phone="
				+ (m.getPhoneMasked() == null ? "" : m.getPhoneMasked()) + "; employment=" + m.getEmploymentType()
				+ "; organization=" + m.getOrganizationId() + "; joinDate=" + m.getJoinDate() + "; card="
				+ m.getCardNumber() + "; status=" + m.getStatus();
	}

	/** "field: old → new" for every field that changed. */
	private static String changes(String before, Member after) {
		String[] old = before.split("; ");
		String[] now = describe(after).split("; ");
		StringBuilder changed = new StringBuilder();
		for (int i = 0; i < Math.min(old.length, now.length); i++) {
			if (!old[i].equals(now[i])) {
				String field = now[i].substring(0, now[i].indexOf('='));
				changed.append(changed.isEmpty() ? "" : "; ")
					.append(field)
					.append(": ")
					.append(old[i].substring(field.length() + 1))
					.append(" → ")
					.append(now[i].substring(field.length() + 1));
			}
		}
		return changed.toString();
	}
}
