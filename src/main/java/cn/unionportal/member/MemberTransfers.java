package cn.unionportal.member;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.unionportal.audit.AuditTrail;
import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.organization.OrganizationSummary;
import cn.unionportal.shared.ConflictException;
import cn.unionportal.shared.NotFoundException;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Transfers of members between organizations (转会): started by the sender, completed at once
 * inside the sender's scope, otherwise accepted or declined by the receiver or cancelled by the
 * sender; and the lists of transfers. Every step is audited; a completed one publishes
 * {@link MemberEvents.MemberTransferred}.
 */
@Component
@Transactional(readOnly = true)
class MemberTransfers {

	private final MemberRepository members;

	private final MemberTransferRepository transfers;

	private final OrganizationManagement organizations;

	private final AuditTrail audit;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	MemberTransfers(MemberRepository members, MemberTransferRepository transfers, OrganizationManagement organizations,
			AuditTrail audit, Clock clock, ApplicationEventPublisher events, JdbcClient jdbc) {
		this.members = members;
		this.transfers = transfers;
		this.organizations = organizations;
		this.audit = audit;
		this.clock = clock;
		this.events = events;
		this.jdbc = jdbc;
	}

	// ---- reading -------------------------------------------------------------------------

	List<TransferView> transfersOf(CurrentUser user, long memberId) {
		Member member = load(user, memberId);
		return transferViews(transfers.findByMemberIdOrderByRequestedAtDesc(memberId), Map.of(memberId, member));
	}

	Page<TransferView> incomingTransfers(CurrentUser user, Pageable pageable) {
		Page<MemberTransfer> page = transfers.findPendingInto(user.organizationId(),
				PageRequest.of(pageable.getPageNumber(), pageable.getPageSize()));
		return new PageImpl<>(transferViews(page.getContent(), Map.of()), page.getPageable(), page.getTotalElements());
	}

	Page<TransferView> outgoingTransfers(CurrentUser user, Pageable pageable) {
		Page<MemberTransfer> page = transfers.findPendingFrom(user.organizationId(),
				PageRequest.of(pageable.getPageNumber(), pageable.getPageSize()));
		return new PageImpl<>(transferViews(page.getContent(), Map.of()), page.getPageable(), page.getTotalElements());
	}

	List<TransferView> pendingTransfersOf(long memberId) {
		Member member = members.findById(memberId).orElseThrow(() -> new NotFoundException("member", memberId));
		return transferViews(transfers.findByMemberIdOrderByRequestedAtDesc(memberId)
			.stream()
			.filter(t -> t.getStatus() == TransferStatus.PENDING)
			.toList(), Map.of(memberId, member));
	}

	boolean hasPendingTransfer(long memberId) {
		return transfers.existsByMemberIdAndStatus(memberId, TransferStatus.PENDING);
	}

	// ---- changing ------------------------------------------------------------------------

	@Transactional
	boolean startTransfer(CurrentUser user, long memberId, long version, long toOrganizationId, String reason) {
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
				reason == null || reason.isBlank() ? null : reason.strip(), user.username(), clock.instant());
		try {
			transfers.saveAndFlush(transfer);
		}
		catch (DataIntegrityViolationException alreadyPending) {
			throw new RuleViolationException(null, "member.error.transferPending");
		}
		audit.record(user.username(), "TRANSFER_REQUESTED", MemberManagement.SUBJECT, memberId,
				member.getOrganizationId(), "to organization " + target.id());
		if (organizations.scopeOf(user).contains(target.id())) {
			complete(user, transfer, member);
			return true;
		}
		return false;
	}

	@Transactional
	void acceptTransfer(CurrentUser user, long transferId, long version) {
		MemberTransfer transfer = loadIncoming(user, transferId, version);
		Member member = members.findById(transfer.getMemberId()).orElseThrow();
		complete(user, transfer, member);
	}

	@Transactional
	void declineTransfer(CurrentUser user, long transferId, long version, String note) {
		MemberTransfer transfer = loadIncoming(user, transferId, version);
		if (note == null || note.isBlank()) {
			throw new RuleViolationException("note", "member.error.declineReason");
		}
		transfer.decide(TransferStatus.DECLINED, user.username(), note.strip(), clock.instant());
		transfers.saveAndFlush(transfer);
		audit.record(user.username(), "TRANSFER_DECLINED", MemberManagement.SUBJECT, transfer.getMemberId(),
				transfer.getFromOrganizationId(), note.strip());
	}

	@Transactional
	void cancelTransfer(CurrentUser user, long transferId, long version) {
		MemberTransfer transfer = transfers.findById(transferId)
			.filter(t -> t.getStatus() == TransferStatus.PENDING)
			.filter(t -> organizations.scopeOf(user).contains(t.getFromOrganizationId()))
			.orElseThrow(() -> new NotFoundException("transfer", transferId));
		requireVersion(transfer.getVersion(), version);
		transfer.decide(TransferStatus.CANCELLED, user.username(), null, clock.instant());
		transfers.saveAndFlush(transfer);
		audit.record(user.username(), "TRANSFER_CANCELLED", MemberManagement.SUBJECT, transfer.getMemberId(),
				transfer.getFromOrganizationId(), null);
	}

	// ---- helpers -------------------------------------------------------------------------

	private void complete(CurrentUser user, MemberTransfer transfer, Member member) {
		transfer.decide(TransferStatus.COMPLETED, user.username(), null, clock.instant());
		transfers.saveAndFlush(transfer);
		long from = member.getOrganizationId();
		member.moveTo(transfer.getToOrganizationId(), clock.instant());
		members.saveAndFlush(member);
		MemberPinyinKeys.moved(jdbc, member.getId(), member.getOrganizationId());
		String change = "organization: " + from + " → " + transfer.getToOrganizationId();
		audit.record(user.username(), "TRANSFER_COMPLETED", MemberManagement.SUBJECT, member.getId(), from, change);
		audit.record(user.username(), "TRANSFER_COMPLETED", MemberManagement.SUBJECT, member.getId(),
				transfer.getToOrganizationId(), change);
		events.publishEvent(new MemberEvents.MemberTransferred(member.getId(), from, transfer.getToOrganizationId(),
				LocalDate.now(clock)));
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

	static void requireVersion(long actual, long expected) {
		if (actual != expected) {
			throw new ConflictException("changed meanwhile");
		}
	}
}
