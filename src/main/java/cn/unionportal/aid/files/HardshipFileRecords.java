package cn.unionportal.aid.files;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import cn.unionportal.aid.files.HardshipFileEvent.Outcome;
import cn.unionportal.aid.files.HardshipFileEvent.Step;
import cn.unionportal.audit.AuditTrail;
import cn.unionportal.shared.PortalTime;
import cn.unionportal.shared.ConflictException;
import cn.unionportal.shared.NotFoundException;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * What every household-file service shares (issue 9, split from {@code HardshipFileManagement}):
 * loading a file within the user's scope (404 outside it, 409 on a stale version), saving it, and
 * writing a step to its timeline and the audit trail.
 */
@Component
class HardshipFileRecords {

	static final String SUBJECT = "HARDSHIP_FILE";

	private final HardshipFileRepository files;

	private final HardshipFileEventRepository timeline;

	private final AuditTrail audit;

	private final PortalTime time;

	HardshipFileRecords(HardshipFileRepository files, HardshipFileEventRepository timeline, AuditTrail audit,
			PortalTime time) {
		this.files = files;
		this.timeline = timeline;
		this.audit = audit;
		this.time = time;
	}

	HardshipFile load(CurrentUser user, long id) {
		return files.findInScope(user.organizationId(), id).orElseThrow(() -> new NotFoundException("file", id));
	}

	HardshipFile loadForChange(CurrentUser user, long id, long version) {
		HardshipFile file = load(user, id);
		if (file.getVersion() != version) {
			throw new ConflictException("file " + id + " changed meanwhile");
		}
		return file;
	}

	/** The member's files, newest first (all statuses). */
	List<HardshipFile> ofMember(long memberId) {
		return files.findByMemberIdOrderByAppliedAtDesc(memberId);
	}

	List<HardshipFile> ofMember(long memberId, java.util.Collection<FileStatus> statuses) {
		return files.findByMemberAndStatus(memberId, statuses);
	}

	boolean lookupCodeTaken(String code) {
		return files.existsByLookupCode(code);
	}

	HardshipFile save(HardshipFile file) {
		return files.saveAndFlush(file);
	}

	/** A step in the file's timeline, by the signed-in user. */
	void step(HardshipFile file, Step step, Outcome outcome, String comment, CurrentUser user) {
		step(file, step, outcome, comment, user.username());
	}

	void step(HardshipFile file, Step step, Outcome outcome, String comment, String actor) {
		timeline.saveAndFlush(new HardshipFileEvent(file.getId(), step, outcome, comment, actor, time.now()));
	}

	List<HardshipFileEvent> timelineOf(long fileId) {
		return timeline.findByFileIdOrderByOccurredAtAscIdAsc(fileId);
	}

	/** A line in the audit trail about the file. */
	void audit(CurrentUser user, String action, HardshipFile file, String detail) {
		audit.record(user.username(), action, SUBJECT, file.getId(), file.getOrganizationId(), detail);
	}

	Instant now() {
		return time.now();
	}

	LocalDate today() {
		return time.today();
	}

	LocalDateTime local(Instant instant) {
		return time.local(instant);
	}

	static RuleViolationException wrongStep() {
		return new RuleViolationException(null, "aid.file.error.wrongStep");
	}

	static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	/** A required free text (a reason, a comment), stripped; a blank one is refused on that field. */
	static String required(String text, String field) {
		if (text == null || text.isBlank()) {
			throw new RuleViolationException(field, "validation.required");
		}
		return text.strip();
	}
}
