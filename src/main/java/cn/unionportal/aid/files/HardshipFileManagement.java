package cn.unionportal.aid.files;

import java.time.LocalDate;

import cn.unionportal.aid.AidEvents;
import cn.unionportal.aid.AidPermissions;
import cn.unionportal.aid.AidSettings;
import cn.unionportal.aid.files.HardshipFileEvent.Outcome;
import cn.unionportal.aid.files.HardshipFileEvent.Step;
import cn.unionportal.aid.lookup.LookupCodes;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.crypto.PersonalDataCipher;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review steps of a household file (建档立卡): grassroots review, home visit, federation review,
 * filing after the public notice, yearly review and exit (解困脱困). Every transition is checked here
 * and goes into the file's timeline and the audit trail.
 * <p>
 * Split in issue 9: the application is {@link HardshipFileApplications}, objections
 * {@link HardshipObjections}, income updates and the relapse watch {@link HardshipFileAftercare},
 * and the read side {@link HardshipFileSearch} (lists) and {@link HardshipFileDetails} (one file).
 */
@Service
public class HardshipFileManagement {

	/** The longest home-visit notes accepted (as the situation on the form). */
	static final int VISIT_NOTES_MAX = 2000;

	private final HardshipFileRecords records;

	private final HardshipObjectionRepository objections;

	private final PersonalDataCipher cipher;

	private final AidSettings settings;

	private final ApplicationEventPublisher events;

	private final AidPermissions permissions;

	HardshipFileManagement(HardshipFileRecords records, HardshipObjectionRepository objections,
			PersonalDataCipher cipher, AidSettings settings, ApplicationEventPublisher events,
			AidPermissions permissions) {
		this.records = records;
		this.objections = objections;
		this.cipher = cipher;
		this.settings = settings;
		this.events = events;
		this.permissions = permissions;
	}

	/** The grassroots union's review: approve (on to the home visit) or reject with a reason. */
	@Transactional
	public void grassrootsReview(CurrentUser user, long id, long version, boolean approve, String comment) {
		HardshipFile file = atStep(user, id, version, FileStatus.APPLIED);
		decide(user, file, Step.GRASSROOTS_REVIEW, approve, comment, () -> file.approveAtGrassroots(records.now()));
	}

	/** The home visit: date, visitors and notes; then on to the federation, or a rejection. */
	@Transactional
	public void recordVisit(CurrentUser user, long id, long version, LocalDate date, String visitors, String notes,
			boolean approve) {
		HardshipFile file = atStep(user, id, version, FileStatus.HOME_VISIT);
		if (date == null || date.isAfter(records.today())) {
			throw new RuleViolationException("visitDate", "aid.file.error.visitDate");
		}
		String who = HardshipFileRecords.required(visitors, "visitors");
		String text = HardshipFileRecords.required(notes, "visitNotes");
		if (text.length() > VISIT_NOTES_MAX) {
			throw new RuleViolationException("visitNotes", "aid.file.error.visitNotesLength", VISIT_NOTES_MAX);
		}
		// the notes are encrypted on the file; the timeline keeps the date and the visitors. A rejection
		// gives the notes as its reason, which the applicant is told, like every rejection reason.
		String comment = date + " · " + who;
		decide(user, file, Step.HOME_VISIT, approve, approve ? comment : notes,
				() -> file.recordVisit(date, who, cipher.encrypt(text), records.now()));
	}

	/** The federation's review: approve (on to public notice) or reject with a reason. */
	@Transactional
	public void federationReview(CurrentUser user, long id, long version, boolean approve, String comment) {
		HardshipFile file = atFederationStep(user, id, version, FileStatus.FEDERATION_REVIEW);
		LocalDate start = records.today();
		decide(user, file, Step.FEDERATION_REVIEW, approve, comment,
				() -> file.approveAtFederation(start, start.plusDays(settings.noticeDays() - 1L), records.now()));
	}

	/** Files the household once the notice period is over and every objection is resolved. */
	@Transactional
	public void file(CurrentUser user, long id, long version) {
		HardshipFile file = atFederationStep(user, id, version, FileStatus.PUBLIC_NOTICE);
		LocalDate today = records.today();
		if (!today.isAfter(file.getNoticeEnd())) {
			throw new RuleViolationException(null, "aid.file.error.noticeRunning", file.getNoticeEnd());
		}
		long open = objections.countOpen(id);
		if (open > 0) {
			throw new RuleViolationException(null, "aid.file.error.openObjections", open);
		}
		file.file(today, today.plusMonths(settings.reviewMonths()), uniqueCode(), records.now());
		records.save(file);
		records.step(file, Step.FILED, Outcome.APPROVED, null, user);
		records.audit(user, "FILE_FILED", file, null);
		events.publishEvent(new AidEvents.HardshipFileFiled(id, file.getMemberId(), file.getOrganizationId(), today));
	}

	/** The yearly review of a filed household: confirmed (maybe with another tier) until next year. */
	@Transactional
	public void yearlyReview(CurrentUser user, long id, long version, HardshipTier tier, String comment) {
		HardshipFile file = atFederationStep(user, id, version, FileStatus.FILED);
		String text = HardshipFileRecords.required(comment, "comment");
		HardshipTier newTier = tier == null ? file.getTier() : tier;
		String old = file.getTier().name();
		file.reviewed(records.today().plusMonths(settings.reviewMonths()), newTier, records.now());
		records.save(file);
		records.step(file, Step.YEARLY_REVIEW, Outcome.APPROVED, text, user);
		records.audit(user, "FILE_REVIEWED", file, "tier: " + old + " → " + newTier);
	}

	/** Exit (解困脱困): closes the file; support continues for the grace period. */
	@Transactional
	public void close(CurrentUser user, long id, long version, String reason) {
		HardshipFile file = atFederationStep(user, id, version, FileStatus.FILED);
		String text = HardshipFileRecords.required(reason, "reason");
		LocalDate today = records.today();
		file.close(today, text, today.plusMonths(settings.graceMonths()), records.now());
		records.save(file);
		records.step(file, Step.CLOSED, Outcome.RECORDED, text, user);
		records.audit(user, "FILE_CLOSED", file, null);
		events.publishEvent(new AidEvents.HardshipFileExited(id, file.getMemberId(), file.getOrganizationId(), today));
	}

	/** The file in scope, at the version the form showed, waiting for this step. */
	private HardshipFile atStep(CurrentUser user, long id, long version, FileStatus step) {
		HardshipFile file = records.loadForChange(user, id, version);
		if (file.getStatus() != step) {
			throw HardshipFileRecords.wrongStep();
		}
		return file;
	}

	/** As {@link #atStep}, for a step only the federation takes. */
	private HardshipFile atFederationStep(CurrentUser user, long id, long version, FileStatus step) {
		HardshipFile file = records.loadForChange(user, id, version);
		permissions.requireFederationLevel(user);
		if (file.getStatus() != step) {
			throw HardshipFileRecords.wrongStep();
		}
		return file;
	}

	private void decide(CurrentUser user, HardshipFile file, Step step, boolean approve, String comment,
			Runnable approval) {
		if (!approve && (comment == null || comment.isBlank())) {
			throw new RuleViolationException("comment", "aid.file.error.reasonRequired");
		}
		if (approve) {
			approval.run();
		}
		else {
			file.reject(comment.strip(), records.now());
		}
		records.save(file);
		records.step(file, step, approve ? Outcome.APPROVED : Outcome.REJECTED, HardshipFileRecords.blankToNull(comment),
				user);
		records.audit(user, "FILE_" + step + "_" + (approve ? "APPROVED" : "REJECTED"), file, null);
	}

	private String uniqueCode() {
		String code = LookupCodes.generate();
		while (records.lookupCodeTaken(code)) {
			code = LookupCodes.generate();
		}
		return code;
	}
}
