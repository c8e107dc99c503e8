package cn.unionportal.member;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.unionportal.audit.AuditTrail;
import cn.unionportal.shared.NotFoundException;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

/**
 * The member registry's public face, one line per method: the search (read side,
 * {@link MemberSearches}), single records and the lookups of other modules ({@link MemberRecords}),
 * the lifecycle steps (write side, {@link MemberLifecycle}) and transfers ({@link MemberTransfers}).
 * Every read and change is scoped to the current user's subtree in the query itself; a member
 * outside it answers {@link NotFoundException} like a missing one. ID and phone numbers leave the
 * registry masked, except through {@link #reveal}, which is audited.
 */
@Service
public class MemberManagement {

	/** Counts above this are shown as "more than" (counting every row of a large scope is slow). */
	public static final int COUNT_LIMIT = 10_000;

	static final String SUBJECT = "MEMBER";

	private final MemberSearches searches;

	private final MemberRecords records;

	private final MemberLifecycle lifecycle;

	private final MemberTransfers transfers;

	MemberManagement(MemberSearches searches, MemberRecords records, MemberLifecycle lifecycle,
			MemberTransfers transfers) {
		this.searches = searches;
		this.records = records;
		this.lifecycle = lifecycle;
		this.transfers = transfers;
	}

	// ---- reading -------------------------------------------------------------------------

	/** A page of members matching the query in the user's scope, read by offset. */
	public Page<MemberSummary> search(CurrentUser user, MemberQuery query, Pageable pageable) {
		return search(user, query, pageable, null);
	}

	/** Where the member list's count stops: above it the list says "more than N" (a capped count). */
	public int countLimit() {
		return searches.countLimit();
	}

	/** A page of the search, read after (or before) a neighbouring page's member when a cursor is given. */
	public Page<MemberSummary> search(CurrentUser user, MemberQuery query, Pageable pageable, MemberCursor cursor) {
		searches.admitExact(user, query);
		return searches.search(user, query, pageable, cursor);
	}

	public MemberView get(CurrentUser user, long id) {
		return records.get(user, id);
	}

	/** Whether the user's role may see unmasked ID and phone numbers (each reveal is audited). */
	public boolean mayReveal(CurrentUser user) {
		return records.mayReveal(user);
	}

	/** The unmasked value of one field, recorded in the audit trail (who, whose, when). */
	public String reveal(CurrentUser user, long id, RevealableField field) {
		return records.reveal(user, id, field);
	}

	/** Fields that can be revealed. */
	public enum RevealableField {
		ID_NUMBER, PHONE
	}

	public Page<AuditTrail.Entry> auditOf(CurrentUser user, long memberId, Pageable pageable) {
		return records.auditOf(user, memberId, pageable);
	}

	public List<TransferView> transfersOf(CurrentUser user, long memberId) {
		return transfers.transfersOf(user, memberId);
	}

	/** Pending transfers into the user's scope (to accept or decline), oldest first, a page at a time. */
	public Page<TransferView> incomingTransfers(CurrentUser user, Pageable pageable) {
		return transfers.incomingTransfers(user, pageable);
	}

	/** Pending transfers out of the user's scope (which the sender may cancel), a page at a time. */
	public Page<TransferView> outgoingTransfers(CurrentUser user, Pageable pageable) {
		return transfers.outgoingTransfers(user, pageable);
	}

	// ---- for the member's own self-service (the caller is the member; no staff scope) ----------

	/** The member holding a card number (any status). */
	public Optional<Long> findIdByCardNumber(String cardNumber) {
		return records.findIdByCardNumber(cardNumber);
	}

	/** The one active member with this mobile number, if exactly one has it. */
	public Optional<Long> findActiveIdByPhone(String phone) {
		return records.findActiveIdByPhone(phone);
	}

	/** Whether the full document number and the mobile number on record both match (keyed hashes). */
	public boolean matchesIdentity(long memberId, String idNumber, String phone) {
		return records.matchesIdentity(memberId, idNumber, phone);
	}

	/** The member's own view of their record. */
	public MemberView selfView(long memberId) {
		return records.selfView(memberId);
	}

	/** The member's transfers that are still waiting. */
	public List<TransferView> pendingTransfersOf(long memberId) {
		return transfers.pendingTransfersOf(memberId);
	}

	/** The member changes their own mobile number (the caller checked the password). Audited. */
	public void changeOwnPhone(long memberId, String phone) {
		lifecycle.changeOwnPhone(memberId, phone);
	}

	/**
	 * A member's birth date, decrypted, for another module's age rule (the award allowance from
	 * age 60). The caller has checked scope and keeps only what it derives; nothing is shown.
	 */
	public LocalDate birthDateOf(long memberId) {
		return records.birthDateOf(memberId);
	}

	/** Active members in the subtree of each given organization (the award quota formula's basis). */
	public Map<Long, Long> activeMembersUnder(Collection<Long> organizationIds) {
		return records.activeMembersUnder(organizationIds);
	}

	/** Brief descriptions of members by id, for lists of other modules that already checked scope. */
	public Map<Long, MemberBrief> briefs(Collection<Long> ids) {
		return records.briefs(ids);
	}

	/**
	 * Whether the member's document number ends with the given four characters (the public status
	 * page's second factor). Compared in constant time with the decrypted number: the last four
	 * are not kept in clear (with the birth year they would leave only a few dozen candidates).
	 */
	public boolean idNumberEndsWith(long memberId, String lastFour) {
		return records.idNumberEndsWith(memberId, lastFour);
	}

	// ---- changing ------------------------------------------------------------------------

	public long register(CurrentUser user, MemberData data) {
		return lifecycle.register(user, data);
	}

	public void update(CurrentUser user, long id, long version, MemberData data) {
		lifecycle.update(user, id, version, data);
	}

	public void changeStatus(CurrentUser user, long id, long version, MemberStatus status) {
		lifecycle.changeStatus(user, id, version, status);
	}

	/**
	 * Starts a transfer. Inside the sender's scope it completes at once; otherwise it waits for the
	 * receiving organization. @return whether the transfer completed
	 */
	public boolean startTransfer(CurrentUser user, long memberId, long version, long toOrganizationId, String reason) {
		return transfers.startTransfer(user, memberId, version, toOrganizationId, reason);
	}

	public void acceptTransfer(CurrentUser user, long transferId, long version) {
		transfers.acceptTransfer(user, transferId, version);
	}

	public void declineTransfer(CurrentUser user, long transferId, long version, String note) {
		transfers.declineTransfer(user, transferId, version, note);
	}

	public void cancelTransfer(CurrentUser user, long transferId, long version) {
		transfers.cancelTransfer(user, transferId, version);
	}
}
