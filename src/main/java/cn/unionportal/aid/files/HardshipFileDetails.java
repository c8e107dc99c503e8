package cn.unionportal.aid.files;

import java.util.List;

import org.springframework.modulith.NamedInterface;

import cn.unionportal.aid.files.FileViews.FileView;
import cn.unionportal.aid.files.FileViews.ObjectionView;
import cn.unionportal.aid.files.FileViews.RelativeView;
import cn.unionportal.aid.files.FileViews.TimelineEntry;
import cn.unionportal.member.MemberBrief;
import cn.unionportal.member.MemberManagement;
import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.shared.crypto.PersonalDataCipher;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read side of one household file (issue 9): the detail page (every view by staff in the
 * access log), the audited reveal of the household's health and income, the timeline, the
 * objections, and a member's own files for self-service.
 */
@Service
@Transactional(readOnly = true)
@NamedInterface("files")
public class HardshipFileDetails {

	private static final String MASK = "****";

	private final HardshipFileRecords records;

	private final HardshipObjectionRepository objections;

	private final MemberManagement members;

	private final OrganizationManagement organizations;

	private final PersonalDataCipher cipher;

	private final HardshipFileAccessLog accessLog;

	HardshipFileDetails(HardshipFileRecords records, HardshipObjectionRepository objections, MemberManagement members,
			OrganizationManagement organizations, PersonalDataCipher cipher, HardshipFileAccessLog accessLog) {
		this.records = records;
		this.objections = objections;
		this.members = members;
		this.organizations = organizations;
		this.cipher = cipher;
		this.accessLog = accessLog;
	}

	/** The file as its detail page shows it. Every view is recorded in the access log. */
	@Transactional
	public FileView get(CurrentUser user, long id) {
		HardshipFile file = records.load(user, id);
		accessLog.record(user, id);
		return view(file, false);
	}

	/** The file with relatives' health and income unmasked; the reveal is audited. */
	@Transactional
	public FileView reveal(CurrentUser user, long id) {
		HardshipFile file = records.load(user, id);
		accessLog.record(user, id);
		records.audit(user, "REVEAL_HOUSEHOLD", file, null);
		return view(file, true);
	}

	public List<TimelineEntry> timeline(CurrentUser user, long id) {
		records.load(user, id);
		return records.timelineOf(id)
			.stream()
			.map(e -> new TimelineEntry(e.getStep(), e.getOutcome(), e.getComment(), e.getActor(),
					records.local(e.getOccurredAt())))
			.toList();
	}

	public List<ObjectionView> objections(CurrentUser user, long id) {
		records.load(user, id);
		return objections.findByFileIdOrderByRaisedAt(id)
			.stream()
			.map(o -> new ObjectionView(o.getId(), o.getContent(), o.getRaisedBy(), records.local(o.getRaisedAt()),
					o.getResolution(), o.getUpheld(), o.getResolvedBy(),
					o.getResolvedAt() == null ? null : records.local(o.getResolvedAt()), o.getVersion()))
			.toList();
	}

	/** The member's own files, newest first (self-service: the caller is the member). */
	public List<FileViews.OwnFile> filesOf(long memberId) {
		return records.ofMember(memberId)
			.stream()
			.map(f -> new FileViews.OwnFile(f.getId(), f.getStatus(), f.getTier(),
					records.local(f.getAppliedAt()).toLocalDate(), f.getNoticeEnd(), f.getFiledOn(),
					f.getNextReviewOn(), f.getRejectionReason(), f.getClosedOn(), f.getSupportUntil(),
					f.getLookupCode()))
			.toList();
	}

	private FileView view(HardshipFile f, boolean revealed) {
		MemberBrief person = members.briefs(List.of(f.getMemberId())).get(f.getMemberId());
		String organizationName = organizations.namesOf(List.of(f.getOrganizationId())).get(f.getOrganizationId());
		List<RelativeView> household = f.getHousehold()
			.stream()
			.map(h -> new RelativeView(h.getName(), h.getRelation(), h.getAge(),
					revealed ? cipher.decrypt(h.getHealthCipher()) : (h.getHealthCipher() == null ? null : MASK),
					h.getSchooling(), revealed ? cipher.decrypt(h.getIncomeCipher()) : MASK))
			.toList();
		return new FileView(f.getId(), f.getMemberId(), person.name(), person.idNumberMasked(), f.getOrganizationId(),
				organizationName, f.getStatus(), f.getTier(), f.getCauses(), cipher.decrypt(f.getSituationCipher()),
				f.getHouseholdSize(), revealed ? cipher.decrypt(f.getMonthlyIncomeCipher()) : MASK,
				revealed ? cipher.decrypt(f.getPerCapitaIncomeCipher()) : MASK, f.getThresholdAmount(),
				f.getThresholdYear(), Boolean.TRUE.equals(f.getBelowThreshold()), f.getAppliedBy(),
				records.local(f.getAppliedAt()), f.getVisitDate(), f.getVisitors(),
				cipher.decrypt(f.getVisitNotesCipher()), f.getNoticeStart(), f.getNoticeEnd(), f.getFiledOn(),
				f.getNextReviewOn(), f.getRejectionReason(), f.getClosedOn(), f.getCloseReason(), f.getSupportUntil(),
				f.getRelapseFlaggedAt() == null ? null : records.local(f.getRelapseFlaggedAt()), f.getRelapseReason(),
				f.getLookupCode(), household, revealed, f.getVersion());
	}
}
