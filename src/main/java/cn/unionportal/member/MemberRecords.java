package cn.unionportal.member;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import cn.unionportal.audit.AuditTrail;
import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.shared.NotFoundException;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One member at a time, read: the profile (scoped to the user's subtree: out of scope answers
 * {@link NotFoundException}), the audited reveal of a personal value, the member's own record for
 * self-service, and the small lookups other modules make by id after checking scope themselves.
 */
@Component
@Transactional(readOnly = true)
class MemberRecords {

	private final MemberRepository members;

	private final OrganizationManagement organizations;

	private final PersonalData personalData;

	private final AuditTrail audit;

	private final MemberPermissions permissions;

	private final JdbcClient jdbc;

	MemberRecords(MemberRepository members, OrganizationManagement organizations, PersonalData personalData,
			AuditTrail audit, MemberPermissions permissions, JdbcClient jdbc) {
		this.members = members;
		this.organizations = organizations;
		this.personalData = personalData;
		this.audit = audit;
		this.permissions = permissions;
		this.jdbc = jdbc;
	}

	MemberView get(CurrentUser user, long id) {
		return view(load(user, id));
	}

	boolean mayReveal(CurrentUser user) {
		return permissions.mayReveal(user);
	}

	@Transactional
	String reveal(CurrentUser user, long id, MemberManagement.RevealableField field) {
		Member member = load(user, id);
		permissions.requireReveal(user, "revealing personal data needs an administrator");
		String value = switch (field) {
			case ID_NUMBER -> personalData.decrypt(member.getIdNumberCipher());
			case PHONE -> personalData.decrypt(member.getPhoneCipher());
		};
		audit.record(user.username(), "REVEAL_" + field.name(), MemberManagement.SUBJECT, id,
				member.getOrganizationId(), field.name());
		return value;
	}

	Page<AuditTrail.Entry> auditOf(CurrentUser user, long memberId, Pageable pageable) {
		load(user, memberId);
		return audit.search(user.organizationId(),
				new AuditTrail.Filter(MemberManagement.SUBJECT, memberId, null, null, null), pageable);
	}

	Optional<Long> findIdByCardNumber(String cardNumber) {
		String card = CardNumbers.normalize(cardNumber);
		return jdbc.sql("SELECT id FROM member WHERE card_number = :card").param("card", card).query(Long.class).optional();
	}

	Optional<Long> findActiveIdByPhone(String phone) {
		String normalized = PersonalData.normalizePhone(phone);
		if (!PersonalData.isMobile(normalized)) {
			return Optional.empty();
		}
		List<Long> ids = jdbc.sql("SELECT id FROM member WHERE phone_hash = :hash AND status = 'ACTIVE'")
			.param("hash", personalData.lookupHash(normalized))
			.query(Long.class)
			.list();
		return ids.size() == 1 ? Optional.of(ids.get(0)) : Optional.empty();
	}

	boolean matchesIdentity(long memberId, String idNumber, String phone) {
		String id = idNumber == null ? "" : idNumber.strip().toUpperCase(Locale.ROOT);
		String mobile = PersonalData.normalizePhone(phone);
		return members.findById(memberId)
			.map(m -> m.getIdNumberHash().equals(personalData.lookupHash(id)) && m.getPhoneHash() != null
					&& mobile != null && m.getPhoneHash().equals(personalData.lookupHash(mobile)))
			.orElse(false);
	}

	MemberView selfView(long memberId) {
		return view(members.findById(memberId).orElseThrow(() -> new NotFoundException("member", memberId)));
	}

	LocalDate birthDateOf(long memberId) {
		Member member = members.findById(memberId).orElseThrow(() -> new NotFoundException("member", memberId));
		return personalData.reveal(member.getBirthDate());
	}

	Map<Long, Long> activeMembersUnder(Collection<Long> organizationIds) {
		Map<Long, Long> counts = new LinkedHashMap<>();
		organizationIds.forEach(id -> counts.put(id, members.countActiveUnder(id)));
		return counts;
	}

	Map<Long, MemberBrief> briefs(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<Long, MemberBrief> briefs = new HashMap<>();
		members.findAllById(ids).forEach(m -> briefs.put(m.getId(), new MemberBrief(m.getId(), m.getName(),
				m.getIdNumberMasked(), m.getCardNumber(), m.getOrganizationId(), m.getStatus())));
		return briefs;
	}

	boolean idNumberEndsWith(long memberId, String lastFour) {
		if (lastFour == null) {
			return false;
		}
		String given = lastFour.strip().toUpperCase(Locale.ROOT);
		return members.findById(memberId).map(m -> {
			String number = personalData.decrypt(m.getIdNumberCipher());
			String tail = number.substring(Math.max(0, number.length() - 4));
			return MessageDigest.isEqual(tail.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
		}).orElse(false);
	}

	private Member load(CurrentUser user, long id) {
		return members.findInScope(user.organizationId(), id).orElseThrow(() -> new NotFoundException("member", id));
	}

	private MemberView view(Member m) {
		String organizationName = organizations.namesOf(List.of(m.getOrganizationId())).get(m.getOrganizationId());
		return new MemberView(m.getId(), m.getName(), m.getGender(), m.getDocumentType(), m.getIdNumberMasked(),
				m.getBirthYear(), m.getPhoneMasked(), m.getEmploymentType(), m.getOrganizationId(), organizationName,
				m.getJoinDate(), m.getStatus(), m.getCardNumber(), m.getVersion());
	}
}
