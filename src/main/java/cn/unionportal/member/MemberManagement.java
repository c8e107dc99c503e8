package cn.unionportal.member;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.organization.Scope;
import cn.unionportal.organization.OrganizationSummary;
import cn.unionportal.shared.ConflictException;
import cn.unionportal.shared.NotFoundException;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.audit.AuditTrail;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The member registry's public face. Every read and change is scoped to the current user's
 * subtree in the query itself; a member outside it answers {@link NotFoundException} like a
 * missing one. ID and phone numbers leave this service masked, except through
 * {@link #reveal}, which is audited.
 */
@Service
@Transactional(readOnly = true)
public class MemberManagement {

	/** Counts above this are shown as "more than" (counting every row of a large scope is slow). */
	public static final int COUNT_LIMIT = 10_000;

	static final String SUBJECT = "MEMBER";

	private final MemberRepository members;

	private final MemberTransferRepository transfers;

	private final OrganizationManagement organizations;

	private final PersonalData personalData;

	private final AuditTrail audit;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final MemberExactSearches exactSearches;

	private final MemberPermissions permissions;

	MemberManagement(MemberRepository members, MemberTransferRepository transfers, OrganizationManagement organizations,
			PersonalData personalData, AuditTrail audit, JdbcClient jdbc, Clock clock, ApplicationEventPublisher events,
			MemberExactSearches exactSearches, MemberPermissions permissions) {
		this.permissions = permissions;
		this.events = events;
		this.exactSearches = exactSearches;
		this.members = members;
		this.transfers = transfers;
		this.organizations = organizations;
		this.personalData = personalData;
		this.audit = audit;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	// ---- reading -------------------------------------------------------------------------

	public Page<MemberSummary> search(CurrentUser user, MemberQuery query, Pageable pageable) {
		long scope = organizations.scopeOf(user).narrowTo(query.organizationId());
		MemberSearchSql sql = MemberSearchSql.of(scope, query, personalData);
		if (sql.exact() != null) {
			exactSearches.admit(user, sql.exact(), scope);
		}
		String where = sql.where();
		Map<String, Object> params = sql.params();
		String order = sql.orderBy();
		String memberOrder = sql.memberOrder();
		long total = jdbc.sql("SELECT COUNT(*) FROM (SELECT 1" + where + " LIMIT " + (COUNT_LIMIT + 1) + ") capped")
			.params(params)
			.query(Long.class)
			.single();
		// the page's ids first (read from an index alone, even for a deep page), then those rows
		List<MemberRow> rows = jdbc
			.sql("SELECT m.id, m.name, m.gender, m.id_number_masked, m.phone_masked, m.card_number, m.employment_type,"
					+ " m.organization_id, m.join_date, m.status FROM member m WHERE m.id IN (SELECT m.id" + where + order
					+ " LIMIT :limit OFFSET :offset)" + memberOrder)
			.params(params)
			.param("limit", pageable.getPageSize())
			.param("offset", pageable.getOffset())
			.query((rs, i) -> new MemberRow(rs.getLong("id"), rs.getString("name"),
					Gender.valueOf(rs.getString("gender")), rs.getString("id_number_masked"),
					rs.getString("phone_masked"), rs.getString("card_number"),
					EmploymentType.valueOf(rs.getString("employment_type")), rs.getLong("organization_id"),
					rs.getDate("join_date").toLocalDate(), MemberStatus.valueOf(rs.getString("status"))))
			.list();
		Map<Long, String> names = organizations.scopeOf(user).names(rows.stream().map(MemberRow::organizationId).toList());
		List<MemberSummary> content = rows.stream()
			.map(r -> new MemberSummary(r.id(), r.name(), r.gender(), r.idNumberMasked(), r.phoneMasked(),
					r.cardNumber(), r.employmentType(), r.organizationId(), names.get(r.organizationId()), r.joinDate(),
					r.status()))
			.toList();
		return new PageImpl<>(content, PageRequest.of(pageable.getPageNumber(), pageable.getPageSize()), total);
	}

	private record MemberRow(long id, String name, Gender gender, String idNumberMasked, String phoneMasked,
			String cardNumber, EmploymentType employmentType, long organizationId, LocalDate joinDate,
			MemberStatus status) {
	}

	public MemberView get(CurrentUser user, long id) {
		return view(load(user, id));
	}

	/** Whether the user's role may see unmasked ID and phone numbers (each reveal is audited). */
	public boolean mayReveal(CurrentUser user) {
		return permissions.mayReveal(user);
	}

	/** The unmasked value of one field, recorded in the audit trail (who, whose, when). */
	@Transactional
	public String reveal(CurrentUser user, long id, RevealableField field) {
		Member member = load(user, id);
		permissions.requireReveal(user, "revealing personal data needs an administrator");
		String value = switch (field) {
			case ID_NUMBER -> personalData.decrypt(member.getIdNumberCipher());
			case PHONE -> personalData.decrypt(member.getPhoneCipher());
		};
		audit.record(user.username(), "REVEAL_" + field.name(), SUBJECT, id, member.getOrganizationId(),
				field.name());
		return value;
	}

	/** Fields that can be revealed. */
	public enum RevealableField {
		ID_NUMBER, PHONE
	}

	public List<TransferView> transfersOf(CurrentUser user, long memberId) {
		Member member = load(user, memberId);
		return transferViews(transfers.findByMemberIdOrderByRequestedAtDesc(memberId), Map.of(memberId, member));
	}

	/** Pending transfers into the user's scope (to accept or decline), oldest first, a page at a time. */
	public Page<TransferView> incomingTransfers(CurrentUser user, Pageable pageable) {
		Page<MemberTransfer> page = transfers.findPendingInto(user.organizationId(), PageRequest.of(pageable.getPageNumber(), pageable.getPageSize()));
		return new PageImpl<>(transferViews(page.getContent(), Map.of()), page.getPageable(), page.getTotalElements());
	}

	/** Pending transfers out of the user's scope (which the sender may cancel), a page at a time. */
	public Page<TransferView> outgoingTransfers(CurrentUser user, Pageable pageable) {
		Page<MemberTransfer> page = transfers.findPendingFrom(user.organizationId(), PageRequest.of(pageable.getPageNumber(), pageable.getPageSize()));
		return new PageImpl<>(transferViews(page.getContent(), Map.of()), page.getPageable(), page.getTotalElements());
	}

	// ---- for the member's own self-service (the caller is the member; no staff scope) ----------

	/** The member holding a card number (any status). */
	public Optional<Long> findIdByCardNumber(String cardNumber) {
		String card = CardNumbers.normalize(cardNumber);
		return jdbc.sql("SELECT id FROM member WHERE card_number = :card").param("card", card).query(Long.class).optional();
	}

	/** The one active member with this mobile number, if exactly one has it. */
	public Optional<Long> findActiveIdByPhone(String phone) {
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

	/** Whether the full document number and the mobile number on record both match (keyed hashes). */
	public boolean matchesIdentity(long memberId, String idNumber, String phone) {
		String id = idNumber == null ? "" : idNumber.strip().toUpperCase(java.util.Locale.ROOT);
		String mobile = PersonalData.normalizePhone(phone);
		return members.findById(memberId)
			.map(m -> m.getIdNumberHash().equals(personalData.lookupHash(id)) && m.getPhoneHash() != null
					&& mobile != null && m.getPhoneHash().equals(personalData.lookupHash(mobile)))
			.orElse(false);
	}

	/** The member's own view of their record. */
	public MemberView selfView(long memberId) {
		return view(members.findById(memberId).orElseThrow(() -> new NotFoundException("member", memberId)));
	}

	/** The member's transfers that are still waiting. */
	public List<TransferView> pendingTransfersOf(long memberId) {
		Member member = members.findById(memberId).orElseThrow(() -> new NotFoundException("member", memberId));
		return transferViews(transfers.findByMemberIdOrderByRequestedAtDesc(memberId)
			.stream()
			.filter(t -> t.getStatus() == TransferStatus.PENDING)
			.toList(), Map.of(memberId, member));
	}

	/** The member changes their own mobile number (the caller checked the password). Audited. */
	@Transactional
	public void changeOwnPhone(long memberId, String phone) {
		Member member = members.findById(memberId).orElseThrow(() -> new NotFoundException("member", memberId));
		String normalized = checkPhone(phone);
		if (normalized == null) {
			throw new RuleViolationException("phone", "validation.required");
		}
		String before = member.getPhoneMasked();
		member.update(member.getName(), member.getGender(), member.getDocumentType(),
				new ProtectedValue(member.getIdNumberCipher(), member.getIdNumberHash(), member.getIdNumberMasked()),
				member.getBirthDate(), personalData.protectPhone(normalized),
				member.getEmploymentType(), member.getJoinDate(), clock.instant());
		members.saveAndFlush(member);
		audit.record("member:" + member.getCardNumber(), "UPDATE", SUBJECT, memberId, member.getOrganizationId(),
				"phone: " + before + " → " + member.getPhoneMasked());
	}

	/**
	 * A member's birth date, decrypted, for another module's age rule (the award allowance from
	 * age 60). The caller has checked scope and keeps only what it derives; nothing is shown.
	 */
	public java.time.LocalDate birthDateOf(long memberId) {
		Member member = members.findById(memberId).orElseThrow(() -> new NotFoundException("member", memberId));
		return personalData.reveal(member.getBirthDate());
	}

	/** Active members in the subtree of each given organization (the award quota formula's basis). */
	public Map<Long, Long> activeMembersUnder(java.util.Collection<Long> organizationIds) {
		Map<Long, Long> counts = new java.util.LinkedHashMap<>();
		organizationIds.forEach(id -> counts.put(id, members.countActiveUnder(id)));
		return counts;
	}

	/** Brief descriptions of members by id, for lists of other modules that already checked scope. */
	public Map<Long, MemberBrief> briefs(java.util.Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<Long, MemberBrief> briefs = new HashMap<>();
		members.findAllById(ids).forEach(m -> briefs.put(m.getId(), new MemberBrief(m.getId(), m.getName(),
				m.getIdNumberMasked(), m.getCardNumber(), m.getOrganizationId(), m.getStatus())));
		return briefs;
	}

	/**
	 * Whether the member's document number ends with the given four characters (the public status
	 * page's second factor). Compared in constant time with the decrypted number: the last four
	 * are not kept in clear (with the birth year they would leave only a few dozen candidates).
	 */
	public boolean idNumberEndsWith(long memberId, String lastFour) {
		if (lastFour == null) {
			return false;
		}
		String given = lastFour.strip().toUpperCase(java.util.Locale.ROOT);
		return members.findById(memberId).map(m -> {
			String number = personalData.decrypt(m.getIdNumberCipher());
			String tail = number.substring(Math.max(0, number.length() - 4));
			return java.security.MessageDigest.isEqual(tail.getBytes(StandardCharsets.UTF_8),
					given.getBytes(StandardCharsets.UTF_8));
		}).orElse(false);
	}

	public Page<AuditTrail.Entry> auditOf(CurrentUser user, long memberId, Pageable pageable) {
		load(user, memberId);
		return audit.search(user.organizationId(), new AuditTrail.Filter(SUBJECT, memberId, null, null, null), pageable);
	}

	// ---- changing ------------------------------------------------------------------------

	@Transactional
	public long register(CurrentUser user, MemberData data) {
		requireField(data.organizationId(), "organizationId");
		organizations.requireMemberHome(user, data.organizationId(), "organizationId");
		Identity identity = checkIdentity(data);
		String phone = checkPhone(data.phone());
		rejectDuplicate(user, identity.hash(), null, identity.protectedValue().masked());
		LocalDate joinDate = data.joinDate() == null ? LocalDate.now(clock) : data.joinDate();
		String card = CardNumbers.format(LocalDate.now(clock).getYear(), members.nextCardSequence());
		Member member = new Member(data.name().strip(), identity.gender(), data.documentType(), identity.protectedValue(),
				identity.birthDate(), personalData.protectPhone(phone), data.employmentType(),
				data.organizationId(), joinDate, card, clock.instant());
		saveChecked(user, member);
		audit.record(user.username(), "CREATE", SUBJECT, member.getId(), member.getOrganizationId(),
				describe(member));
		events.publishEvent(new MemberEvents.MemberJoined(member.getId(), member.getOrganizationId(), joinDate));
		return member.getId();
	}

	@Transactional
	public void update(CurrentUser user, long id, long version, MemberData data) {
		Member member = load(user, id);
		requireVersion(member.getVersion(), version);
		// left blank on the edit form: keep the stored numbers (they are never sent to the browser)
		boolean keepId = data.idNumber() == null || data.idNumber().isBlank();
		boolean keepPhone = data.phone() == null || data.phone().isBlank();
		// the birth date is not sent to the browser either (only its year): blank keeps the stored one
		boolean keepBirthDate = data.birthDate() == null && data.documentType() == DocumentType.FOREIGN_PERMANENT_RESIDENCE
				&& member.getDocumentType() == DocumentType.FOREIGN_PERMANENT_RESIDENCE;
		LocalDate birthDate = keepBirthDate ? personalData.reveal(member.getBirthDate()) : data.birthDate();
		MemberData effective = new MemberData(data.name(), data.gender(), data.documentType(),
				keepId ? personalData.decrypt(member.getIdNumberCipher()) : data.idNumber(), birthDate,
				keepPhone ? personalData.decrypt(member.getPhoneCipher()) : data.phone(), data.employmentType(),
				data.organizationId(), data.joinDate());
		Identity identity = checkIdentity(effective);
		String phone = checkPhone(effective.phone());
		if (member.getStatus() == MemberStatus.ACTIVE) {
			rejectDuplicate(user, identity.hash(), id, identity.protectedValue().masked());
		}
		String before = describe(member);
		member.update(data.name().strip(), identity.gender(), data.documentType(), identity.protectedValue(),
				identity.birthDate(), personalData.protectPhone(phone), data.employmentType(),
				data.joinDate() == null ? member.getJoinDate() : data.joinDate(), clock.instant());
		saveChecked(user, member);
		audit.record(user.username(), "UPDATE", SUBJECT, id, member.getOrganizationId(), changes(before, member));
	}

	@Transactional
	public void changeStatus(CurrentUser user, long id, long version, MemberStatus status) {
		Member member = load(user, id);
		requireVersion(member.getVersion(), version);
		requireField(status, "status");
		if (member.getStatus() == status) {
			return;
		}
		if (status == MemberStatus.ACTIVE) {
			rejectDuplicate(user, member.getIdNumberHash(), id, null);
		}
		if (status != MemberStatus.ACTIVE && hasPendingTransfer(id)) {
			throw new RuleViolationException("status", "member.error.transferPending");
		}
		MemberStatus old = member.getStatus();
		member.changeStatus(status, clock.instant());
		saveChecked(user, member);
		audit.record(user.username(), "STATUS", SUBJECT, id, member.getOrganizationId(), "status: " + old + " → " + status);
		events.publishEvent(new MemberEvents.MemberStatusChanged(id, old, status, member.getOrganizationId(),
				LocalDate.now(clock)));
	}

	/**
	 * Starts a transfer. Inside the sender's scope it completes at once; otherwise it waits for the
	 * receiving organization. @return whether the transfer completed
	 */
	@Transactional
	public boolean startTransfer(CurrentUser user, long memberId, long version, long toOrganizationId, String reason) {
		Member member = load(user, memberId);
		requireVersion(member.getVersion(), version);
		if (member.getStatus() != MemberStatus.ACTIVE) {
			throw new RuleViolationException(null, "member.error.notActive");
		}
		OrganizationSummary target = organizations.findActiveMemberHome(toOrganizationId)
			.orElseThrow(() -> new RuleViolationException("toOrganizationId", "member.error.transferTarget"));
		if (target.id() == member.getOrganizationId()) {
			throw new RuleViolationException("toOrganizationId", "member.error.transferSameOrganization");
		}
		if (hasPendingTransfer(memberId)) {
			throw new RuleViolationException(null, "member.error.transferPending");
		}
		MemberTransfer transfer = new MemberTransfer(memberId, member.getOrganizationId(), target.id(),
				blankToNull(reason), user.username(), clock.instant());
		try {
			transfers.saveAndFlush(transfer);
		}
		catch (DataIntegrityViolationException alreadyPending) {
			throw new RuleViolationException(null, "member.error.transferPending");
		}
		audit.record(user.username(), "TRANSFER_REQUESTED", SUBJECT, memberId, member.getOrganizationId(),
				"to organization " + target.id());
		if (organizations.scopeOf(user).contains(target.id())) {
			complete(user, transfer, member, null);
			return true;
		}
		return false;
	}

	@Transactional
	public void acceptTransfer(CurrentUser user, long transferId, long version) {
		MemberTransfer transfer = loadIncoming(user, transferId, version);
		Member member = members.findById(transfer.getMemberId()).orElseThrow();
		complete(user, transfer, member, null);
	}

	@Transactional
	public void declineTransfer(CurrentUser user, long transferId, long version, String note) {
		MemberTransfer transfer = loadIncoming(user, transferId, version);
		if (note == null || note.isBlank()) {
			throw new RuleViolationException("note", "member.error.declineReason");
		}
		transfer.decide(TransferStatus.DECLINED, user.username(), note.strip(), clock.instant());
		transfers.saveAndFlush(transfer);
		audit.record(user.username(), "TRANSFER_DECLINED", SUBJECT, transfer.getMemberId(),
				transfer.getFromOrganizationId(), note.strip());
	}

	@Transactional
	public void cancelTransfer(CurrentUser user, long transferId, long version) {
		MemberTransfer transfer = transfers.findById(transferId)
			.filter(t -> t.getStatus() == TransferStatus.PENDING)
			.filter(t -> organizations.scopeOf(user).contains(t.getFromOrganizationId()))
			.orElseThrow(() -> new NotFoundException("transfer", transferId));
		requireVersion(transfer.getVersion(), version);
		transfer.decide(TransferStatus.CANCELLED, user.username(), null, clock.instant());
		transfers.saveAndFlush(transfer);
		audit.record(user.username(), "TRANSFER_CANCELLED", SUBJECT, transfer.getMemberId(),
				transfer.getFromOrganizationId(), null);
	}

	// ---- helpers -------------------------------------------------------------------------

	private void complete(CurrentUser user, MemberTransfer transfer, Member member, String note) {
		transfer.decide(TransferStatus.COMPLETED, user.username(), note, clock.instant());
		transfers.saveAndFlush(transfer);
		long from = member.getOrganizationId();
		member.moveTo(transfer.getToOrganizationId(), clock.instant());
		members.saveAndFlush(member);
		MemberPinyinKeys.moved(jdbc, member.getId(), member.getOrganizationId());
		audit.record(user.username(), "TRANSFER_COMPLETED", SUBJECT, member.getId(), from,
				"organization: " + from + " → " + transfer.getToOrganizationId());
		audit.record(user.username(), "TRANSFER_COMPLETED", SUBJECT, member.getId(), transfer.getToOrganizationId(),
				"organization: " + from + " → " + transfer.getToOrganizationId());
		events.publishEvent(new MemberEvents.MemberTransferred(member.getId(), from, transfer.getToOrganizationId(),
				LocalDate.now(clock)));
	}

	private boolean hasPendingTransfer(long memberId) {
		return transfers.existsByMemberIdAndStatus(memberId, TransferStatus.PENDING);
	}

	private MemberTransfer loadIncoming(CurrentUser user, long transferId, long version) {
		MemberTransfer transfer = transfers.findById(transferId)
			.filter(t -> t.getStatus() == TransferStatus.PENDING)
			.filter(t -> organizations.scopeOf(user).contains(t.getToOrganizationId()))
			.orElseThrow(() -> new NotFoundException("transfer", transferId));
		requireVersion(transfer.getVersion(), version);
		return transfer;
	}

	private List<TransferView> transferViews(List<MemberTransfer> list, Map<Long, Member> known) {
		if (list.isEmpty()) {
			return List.of();
		}
		Set<Long> organizationIds = new HashSet<>();
		Map<Long, Member> people = new HashMap<>(known);
		Set<Long> unknown = new HashSet<>();
		for (MemberTransfer t : list) {
			organizationIds.add(t.getFromOrganizationId());
			organizationIds.add(t.getToOrganizationId());
			if (!people.containsKey(t.getMemberId())) {
				unknown.add(t.getMemberId());
			}
		}
		// one query for all members of the list, not one per transfer
		members.findAllById(unknown).forEach(m -> people.put(m.getId(), m));
		Map<Long, String> names = organizations.namesOf(organizationIds);
		List<TransferView> views = new ArrayList<>();
		for (MemberTransfer t : list) {
			Member m = people.get(t.getMemberId());
			views.add(t.toView(m.getName(), m.getIdNumberMasked(), names.get(t.getFromOrganizationId()),
					names.get(t.getToOrganizationId()), clock.getZone()));
		}
		return views;
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

	private record Identity(ProtectedValue protectedValue, String hash, BirthDate birthDate, Gender gender) {
	}

	/** Validates the document number and derives (and checks) birth date and gender from it. */
	private Identity checkIdentity(MemberData data) {
		if (data.name() == null || data.name().isBlank()) {
			throw new RuleViolationException("name", "validation.required");
		}
		requireField(data.documentType(), "documentType");
		requireField(data.employmentType(), "employmentType");
		if (data.idNumber() == null || data.idNumber().isBlank()) {
			throw new RuleViolationException("idNumber", "validation.required");
		}
		String normalized;
		try {
			normalized = IdentityDocuments.validate(data.documentType(), data.idNumber());
		}
		catch (InvalidIdNumberException invalid) {
			throw new RuleViolationException("idNumber", "member.error.idNumber." + invalid.reason());
		}
		LocalDate birthDate = data.birthDate();
		Gender gender = data.gender();
		if (data.documentType() != DocumentType.FOREIGN_PERMANENT_RESIDENCE) {
			ResidentIdNumber id = ResidentIdNumber.parse(normalized);
			if (birthDate != null && !birthDate.equals(id.birthDate())) {
				throw new RuleViolationException("birthDate", "member.error.birthDateMismatch");
			}
			if (gender != null && gender != id.gender()) {
				throw new RuleViolationException("gender", "member.error.genderMismatch");
			}
			birthDate = id.birthDate();
			gender = id.gender();
		}
		requireField(birthDate, "birthDate");
		requireField(gender, "gender");
		if (birthDate.isAfter(LocalDate.now(clock))) {
			throw new RuleViolationException("birthDate", "validation.date.notFuture");
		}
		ProtectedValue value = personalData.protectIdNumber(normalized);
		return new Identity(value, value.hash(), personalData.protectBirthDate(birthDate), gender);
	}

	private static String checkPhone(String phone) {
		String normalized = PersonalData.normalizePhone(phone);
		if (normalized != null && !PersonalData.isMobile(normalized)) {
			throw new RuleViolationException("phone", "member.error.phone");
		}
		return normalized;
	}

	/**
	 * Refuses a number already held by another active member. Saying so answers "is this number
	 * registered?", so a hit counts as an exact search of the user (limited and audited like one):
	 * otherwise the form would complete masked numbers as the search would.
	 *
	 * @param typedMasked the typed number masked, or {@code null} when it is the member's own
	 */
	private void rejectDuplicate(CurrentUser user, String idHash, Long self, String typedMasked) {
		Optional<Member> existing = members.findActiveByIdHash(idHash).filter(m -> !m.getId().equals(self));
		if (existing.isPresent()) {
			if (typedMasked != null) {
				exactSearches.admit(user, new MemberSearchSql.Exact("SEARCH_ID_NUMBER", typedMasked),
						user.organizationId(), "idNumber");
			}
			throw duplicate(user, existing.get());
		}
	}

	private RuleViolationException duplicate(CurrentUser user, Member existing) {
		Scope scope = organizations.scopeOf(user);
		if (scope.contains(existing.getOrganizationId())) {
			String name = scope.name(existing.getOrganizationId());
			return new RuleViolationException("idNumber", "member.error.duplicateInScope", name, existing.getCardNumber());
		}
		return new RuleViolationException("idNumber", "member.error.duplicateElsewhere");
	}

	private void saveChecked(CurrentUser user, Member member) {
		try {
			members.saveAndFlush(member);
			MemberPinyinKeys.replace(jdbc, member.getId(), member.getName(), member.getOrganizationId());
		}
		catch (DataIntegrityViolationException concurrent) {
			// the same person registered by a concurrent request
			throw new RuleViolationException("idNumber", "member.error.duplicateElsewhere");
		}
	}

	private static void requireVersion(long actual, long expected) {
		if (actual != expected) {
			throw new ConflictException("changed meanwhile");
		}
	}

	private static void requireField(Object value, String field) {
		if (value == null) {
			throw new RuleViolationException(field, "validation.required");
		}
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
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
