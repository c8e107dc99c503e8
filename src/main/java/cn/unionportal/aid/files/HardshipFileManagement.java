package cn.unionportal.aid.files;

import org.springframework.modulith.NamedInterface;

import cn.unionportal.aid.AidEvents;
import cn.unionportal.aid.AidPermissions;
import cn.unionportal.aid.AidSettings;
import cn.unionportal.aid.funding.AidThresholdManagement;
import cn.unionportal.aid.lookup.LookupCodes;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.unionportal.aid.AidEvents.AidCaseRecorded;
import cn.unionportal.aid.files.FileViews.FileQuery;
import cn.unionportal.aid.files.FileViews.FileSummary;
import cn.unionportal.aid.files.FileViews.FileView;
import cn.unionportal.aid.files.FileViews.ObjectionView;
import cn.unionportal.aid.files.FileViews.RelativeView;
import cn.unionportal.aid.files.FileViews.TimelineEntry;
import cn.unionportal.aid.files.HardshipFileEvent.Outcome;
import cn.unionportal.aid.files.HardshipFileEvent.Step;
import cn.unionportal.member.MemberBrief;
import cn.unionportal.member.MemberEvents.MemberTransferred;
import cn.unionportal.member.MemberManagement;
import cn.unionportal.member.MemberStatus;
import cn.unionportal.member.MemberView;
import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.organization.Scope;
import cn.unionportal.shared.ConflictException;
import cn.unionportal.shared.ForbiddenException;
import cn.unionportal.shared.NotFoundException;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.audit.AuditTrail;
import cn.unionportal.shared.crypto.PersonalDataCipher;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Household hardship files (建档立卡): application, grassroots review, home visit, federation
 * review, public notice with objections, filing, yearly review, exit (解困脱困) and the relapse
 * watch (返困预警). Every transition is checked here; scope is checked in the queries; every
 * view by staff is logged and every change is in the audit trail.
 */
@Service
@Transactional(readOnly = true)
@NamedInterface("files")
public class HardshipFileManagement {

	static final String SUBJECT = "HARDSHIP_FILE";

	private static final String MASK = "****";

	/** The longest home-visit notes accepted (as the situation on the form). */
	static final int VISIT_NOTES_MAX = 2000;

	private final HardshipFileRepository files;

	private final HardshipFileEventRepository timeline;

	private final HardshipObjectionRepository objections;

	private final AidThresholdManagement thresholds;

	private final MemberManagement members;

	private final OrganizationManagement organizations;

	private final PersonalDataCipher cipher;

	private final AuditTrail audit;

	private final AidSettings settings;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final AidPermissions permissions;

	HardshipFileManagement(HardshipFileRepository files, HardshipFileEventRepository timeline,
			HardshipObjectionRepository objections, AidThresholdManagement thresholds, MemberManagement members,
			OrganizationManagement organizations, PersonalDataCipher cipher, AuditTrail audit, AidSettings settings,
			JdbcClient jdbc, ApplicationEventPublisher events, Clock clock, AidPermissions permissions) {
		this.permissions = permissions;
		this.files = files;
		this.timeline = timeline;
		this.objections = objections;
		this.thresholds = thresholds;
		this.members = members;
		this.organizations = organizations;
		this.cipher = cipher;
		this.audit = audit;
		this.settings = settings;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	// ---- reading ---------------------------------------------------------------------------

	public Page<FileSummary> search(CurrentUser user, FileQuery query, Pageable pageable) {
		long scope = organizations.scopeOf(user).narrowTo(query.organizationId());
		StringBuilder where = new StringBuilder(" FROM hardship_file f WHERE f.organization_id" + Scope.SUBTREE);
		Map<String, Object> params = new HashMap<>();
		params.put(Scope.PARAMETER, scope);
		if (query.status() != null) {
			where.append(" AND f.status = :status");
			params.put("status", query.status().name());
		}
		if (query.tier() != null) {
			where.append(" AND f.tier = :tier");
			params.put("tier", query.tier().name());
		}
		if (query.memberId() != null) {
			where.append(" AND f.member_id = :member");
			params.put("member", query.memberId());
		}
		if (query.watchOnly()) {
			where.append(" AND (f.relapse_flagged_at IS NOT NULL OR (f.status = 'FILED' AND f.next_review_on < :today))");
			params.put("today", java.sql.Date.valueOf(today()));
		}
		if (query.priorityOnly()) {
			where.append(PriorityHolders.FILE_FILTER);
		}
		return page(where.toString(), params, pageable);
	}

	/** Files waiting for something the user may do. */
	public Page<FileSummary> workQueue(CurrentUser user, Pageable pageable) {
		boolean federation = permissions.isFederationLevel(user);
		String where = " FROM hardship_file f WHERE f.organization_id" + Scope.SUBTREE + "AND (f.status IN ('APPLIED', 'HOME_VISIT')"
				+ (federation ? " OR f.status = 'FEDERATION_REVIEW' OR (f.status = 'PUBLIC_NOTICE' AND (f.notice_end < :today"
						+ " OR EXISTS (SELECT 1 FROM hardship_objection o WHERE o.file_id = f.id AND o.resolved_at IS NULL)))" : "")
				+ ")";
		Map<String, Object> params = new HashMap<>();
		params.put(Scope.PARAMETER, user.organizationId());
		if (federation) {
			params.put("today", java.sql.Date.valueOf(today()));
		}
		return page(where, params, pageable);
	}

	private Page<FileSummary> page(String where, Map<String, Object> params, Pageable pageable) {
		long total = jdbc.sql("SELECT COUNT(*)" + where).params(params).query(Long.class).single();
		record Row(long id, long memberId, long organizationId, FileStatus status, HardshipTier tier, Instant appliedAt,
				LocalDate nextReviewOn, boolean flagged) {
		}
		List<Row> rows = jdbc
			.sql("SELECT f.id, f.member_id, f.organization_id, f.status, f.tier, f.applied_at, f.next_review_on,"
					+ " f.relapse_flagged_at" + where + " ORDER BY f.applied_at DESC, f.id DESC LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", pageable.getPageSize())
			.param("offset", pageable.getOffset())
			.query((rs, i) -> new Row(rs.getLong("id"), rs.getLong("member_id"), rs.getLong("organization_id"),
					FileStatus.valueOf(rs.getString("status")), HardshipTier.valueOf(rs.getString("tier")),
					rs.getTimestamp("applied_at").toInstant(),
					rs.getDate("next_review_on") == null ? null : rs.getDate("next_review_on").toLocalDate(),
					rs.getTimestamp("relapse_flagged_at") != null))
			.list();
		Map<Long, MemberBrief> people = members.briefs(rows.stream().map(Row::memberId).distinct().toList());
		Map<Long, String> names = organizations.namesOf(rows.stream().map(Row::organizationId).distinct().toList());
		LocalDate today = today();
		List<FileSummary> content = rows.stream().map(r -> {
			MemberBrief person = people.get(r.memberId());
			return new FileSummary(r.id(), r.memberId(), person.name(), person.idNumberMasked(), r.organizationId(),
					names.get(r.organizationId()), r.status(), r.tier(), local(r.appliedAt()), r.nextReviewOn(),
					r.flagged(), r.status() == FileStatus.FILED && r.nextReviewOn() != null
							&& r.nextReviewOn().isBefore(today));
		}).toList();
		return new PageImpl<>(content, PageRequest.of(pageable.getPageNumber(), pageable.getPageSize()), total);
	}

	/** The file as its detail page shows it. Every view is recorded in the access log. */
	@Transactional
	public FileView get(CurrentUser user, long id) {
		HardshipFile file = load(user, id);
		logAccess(user, id);
		return view(file, false);
	}

	/** The file with relatives' health and income unmasked; the reveal is audited. */
	@Transactional
	public FileView reveal(CurrentUser user, long id) {
		HardshipFile file = load(user, id);
		logAccess(user, id);
		audit.record(user.username(), "REVEAL_HOUSEHOLD", SUBJECT, id, file.getOrganizationId(), null);
		return view(file, true);
	}

	public List<TimelineEntry> timeline(CurrentUser user, long id) {
		load(user, id);
		return timeline.findByFileIdOrderByOccurredAtAscIdAsc(id)
			.stream()
			.map(e -> new TimelineEntry(e.getStep(), e.getOutcome(), e.getComment(), e.getActor(),
					local(e.getOccurredAt())))
			.toList();
	}

	public List<ObjectionView> objections(CurrentUser user, long id) {
		load(user, id);
		return objections.findByFileIdOrderByRaisedAt(id)
			.stream()
			.map(o -> new ObjectionView(o.getId(), o.getContent(), o.getRaisedBy(), local(o.getRaisedAt()),
					o.getResolution(), o.getUpheld(), o.getResolvedBy(),
					o.getResolvedAt() == null ? null : local(o.getResolvedAt()), o.getVersion()))
			.toList();
	}

	/** The member's own files, newest first (self-service: the caller is the member). */
	public List<FileViews.OwnFile> filesOf(long memberId) {
		return files.findByMemberIdOrderByAppliedAtDesc(memberId)
			.stream()
			.map(f -> new FileViews.OwnFile(f.getId(), f.getStatus(), f.getTier(), local(f.getAppliedAt()).toLocalDate(),
					f.getNoticeEnd(), f.getFiledOn(), f.getNextReviewOn(), f.getRejectionReason(), f.getClosedOn(),
					f.getSupportUntil(), f.getLookupCode()))
			.toList();
	}

	// ---- the lifecycle -------------------------------------------------------------------------

	@Transactional
	public long apply(CurrentUser user, FileApplication application) {
		MemberView member = members.get(user, application.memberId());
		if (member.status() != MemberStatus.ACTIVE) {
			throw new RuleViolationException(null, "aid.file.error.memberNotActive");
		}
		if (application.tier() == null) {
			throw new RuleViolationException("tier", "validation.required");
		}
		if (application.causes() == null || application.causes().isEmpty()) {
			throw new RuleViolationException("causes", "aid.file.error.causesRequired");
		}
		if (!files.findByMemberAndStatus(member.id(), FileStatus.open()).isEmpty()) {
			throw new RuleViolationException(null, "aid.file.error.alreadyOpen");
		}
		List<FileApplication.Relative> relatives = application.relatives() == null ? List.of()
				: application.relatives().stream().filter(r -> r.name() != null && !r.name().isBlank()).toList();
		List<BigDecimal> incomes = new ArrayList<>();
		incomes.add(requireAmount(application.workerIncome(), "workerIncome"));
		for (int i = 0; i < relatives.size(); i++) {
			FileApplication.Relative relative = relatives.get(i);
			if (relative.relation() == null || relative.relation().isBlank() || relative.age() == null
					|| relative.age() < 0 || relative.age() > 130) {
				throw new RuleViolationException(null, "aid.file.error.relative", i + 1);
			}
			incomes.add(requireAmount(relative.income() == null ? BigDecimal.ZERO : relative.income(), "relatives"));
		}
		Income income = income(member.organizationId(), incomes);
		HardshipFile file = new HardshipFile(member.id(), member.organizationId(), application.tier(),
				application.causes(), cipher.encrypt(blankToNull(application.situation())), income.seal(cipher),
				user.username(), clock.instant());
		int seq = 0;
		for (FileApplication.Relative relative : relatives) {
			file.addHouseholdMember(new HouseholdMember(file, ++seq, relative.name().strip(), relative.relation().strip(),
					relative.age(), cipher.encrypt(blankToNull(relative.health())), blankToNull(relative.schooling()),
					cipher.encrypt(relative.income() == null ? "0" : relative.income().toPlainString())));
		}
		try {
			files.saveAndFlush(file);
		}
		catch (DataIntegrityViolationException concurrent) {
			throw new RuleViolationException(null, "aid.file.error.alreadyOpen");
		}
		// the situation is encrypted on the file; the timeline does not copy it
		event(file, Step.APPLIED, Outcome.RECORDED, null, user);
		audit.record(user.username(), "FILE_APPLIED", SUBJECT, file.getId(), file.getOrganizationId(),
				"tier=" + file.getTier() + "; causes=" + file.getCauses() + "; householdSize=" + file.getHouseholdSize());
		return file.getId();
	}

	/** The grassroots union's review: approve (on to the home visit) or reject with a reason. */
	@Transactional
	public void grassrootsReview(CurrentUser user, long id, long version, boolean approve, String comment) {
		HardshipFile file = loadForChange(user, id, version);
		if (file.getStatus() != FileStatus.APPLIED) {
			throw wrongStep(file);
		}
		decide(user, file, Step.GRASSROOTS_REVIEW, approve, comment, () -> file.approveAtGrassroots(clock.instant()));
	}

	/** The home visit: date, visitors and notes; then on to the federation, or a rejection. */
	@Transactional
	public void recordVisit(CurrentUser user, long id, long version, LocalDate date, String visitors, String notes,
			boolean approve) {
		HardshipFile file = loadForChange(user, id, version);
		if (file.getStatus() != FileStatus.HOME_VISIT) {
			throw wrongStep(file);
		}
		if (date == null || date.isAfter(today())) {
			throw new RuleViolationException("visitDate", "aid.file.error.visitDate");
		}
		if (visitors == null || visitors.isBlank()) {
			throw new RuleViolationException("visitors", "validation.required");
		}
		if (notes == null || notes.isBlank()) {
			throw new RuleViolationException("visitNotes", "validation.required");
		}
		if (notes.strip().length() > VISIT_NOTES_MAX) {
			throw new RuleViolationException("visitNotes", "aid.file.error.visitNotesLength", VISIT_NOTES_MAX);
		}
		// the notes are encrypted on the file; the timeline keeps the date and the visitors. A rejection
		// gives the notes as its reason, which the applicant is told, like every rejection reason.
		String comment = date + " · " + visitors.strip();
		decide(user, file, Step.HOME_VISIT, approve, approve ? comment : notes,
				() -> file.recordVisit(date, visitors.strip(), cipher.encrypt(notes.strip()), clock.instant()));
	}

	/** The federation's review: approve (on to public notice) or reject with a reason. */
	@Transactional
	public void federationReview(CurrentUser user, long id, long version, boolean approve, String comment) {
		HardshipFile file = loadForChange(user, id, version);
		permissions.requireFederationLevel(user);
		if (file.getStatus() != FileStatus.FEDERATION_REVIEW) {
			throw wrongStep(file);
		}
		LocalDate start = today();
		decide(user, file, Step.FEDERATION_REVIEW, approve, comment,
				() -> file.approveAtFederation(start, start.plusDays(settings.noticeDays() - 1L), clock.instant()));
	}

	@Transactional
	public void raiseObjection(CurrentUser user, long id, String content) {
		HardshipFile file = load(user, id);
		if (file.getStatus() != FileStatus.PUBLIC_NOTICE) {
			throw wrongStep(file);
		}
		if (content == null || content.isBlank()) {
			throw new RuleViolationException("content", "validation.required");
		}
		objections.saveAndFlush(new HardshipObjection(id, content.strip(), user.username(), clock.instant()));
		event(file, Step.OBJECTION_RAISED, Outcome.RECORDED, content.strip(), user);
		audit.record(user.username(), "OBJECTION_RAISED", SUBJECT, id, file.getOrganizationId(), null);
	}

	/**
	 * Resolves an objection. An upheld objection rejects the file, with the resolution as the
	 * reason the applicant sees.
	 */
	@Transactional
	public void resolveObjection(CurrentUser user, long id, long objectionId, long version, boolean upheld,
			String resolution) {
		HardshipFile file = load(user, id);
		permissions.requireFederationLevel(user);
		HardshipObjection objection = objections.findById(objectionId)
			.filter(o -> o.getFileId() == id)
			.orElseThrow(() -> new NotFoundException("objection", objectionId));
		if (objection.getVersion() != version || objection.isResolved()) {
			throw new ConflictException("objection " + objectionId + " changed meanwhile");
		}
		if (resolution == null || resolution.isBlank()) {
			throw new RuleViolationException("resolution", "validation.required");
		}
		objection.resolve(upheld, resolution.strip(), user.username(), clock.instant());
		objections.saveAndFlush(objection);
		event(file, Step.OBJECTION_RESOLVED, upheld ? Outcome.UPHELD : Outcome.DISMISSED, resolution.strip(), user);
		if (upheld && file.getStatus() == FileStatus.PUBLIC_NOTICE) {
			file.reject(resolution.strip(), clock.instant());
			files.saveAndFlush(file);
			event(file, Step.FEDERATION_REVIEW, Outcome.REJECTED, resolution.strip(), user);
		}
		audit.record(user.username(), "OBJECTION_RESOLVED", SUBJECT, id, file.getOrganizationId(),
				upheld ? "upheld" : "dismissed");
	}

	/** Files the household once the notice period is over and every objection is resolved. */
	@Transactional
	public void file(CurrentUser user, long id, long version) {
		HardshipFile file = loadForChange(user, id, version);
		permissions.requireFederationLevel(user);
		if (file.getStatus() != FileStatus.PUBLIC_NOTICE) {
			throw wrongStep(file);
		}
		if (!today().isAfter(file.getNoticeEnd())) {
			throw new RuleViolationException(null, "aid.file.error.noticeRunning", file.getNoticeEnd());
		}
		long open = objections.countOpen(id);
		if (open > 0) {
			throw new RuleViolationException(null, "aid.file.error.openObjections", open);
		}
		file.file(today(), today().plusMonths(settings.reviewMonths()), uniqueCode(), clock.instant());
		files.saveAndFlush(file);
		event(file, Step.FILED, Outcome.APPROVED, null, user);
		audit.record(user.username(), "FILE_FILED", SUBJECT, id, file.getOrganizationId(), null);
		events.publishEvent(new AidEvents.HardshipFileFiled(id, file.getMemberId(), file.getOrganizationId(), today()));
	}

	/** The yearly review of a filed household: confirmed (maybe with another tier) until next year. */
	@Transactional
	public void yearlyReview(CurrentUser user, long id, long version, HardshipTier tier, String comment) {
		HardshipFile file = loadForChange(user, id, version);
		permissions.requireFederationLevel(user);
		if (file.getStatus() != FileStatus.FILED) {
			throw wrongStep(file);
		}
		if (comment == null || comment.isBlank()) {
			throw new RuleViolationException("comment", "validation.required");
		}
		HardshipTier newTier = tier == null ? file.getTier() : tier;
		String old = file.getTier().name();
		file.reviewed(today().plusMonths(settings.reviewMonths()), newTier, clock.instant());
		files.saveAndFlush(file);
		event(file, Step.YEARLY_REVIEW, Outcome.APPROVED, comment.strip(), user);
		audit.record(user.username(), "FILE_REVIEWED", SUBJECT, id, file.getOrganizationId(),
				"tier: " + old + " → " + newTier);
	}

	/** Exit (解困脱困): closes the file; support continues for the grace period. */
	@Transactional
	public void close(CurrentUser user, long id, long version, String reason) {
		HardshipFile file = loadForChange(user, id, version);
		permissions.requireFederationLevel(user);
		if (file.getStatus() != FileStatus.FILED) {
			throw wrongStep(file);
		}
		if (reason == null || reason.isBlank()) {
			throw new RuleViolationException("reason", "validation.required");
		}
		file.close(today(), reason.strip(), today().plusMonths(settings.graceMonths()), clock.instant());
		files.saveAndFlush(file);
		event(file, Step.CLOSED, Outcome.RECORDED, reason.strip(), user);
		audit.record(user.username(), "FILE_CLOSED", SUBJECT, id, file.getOrganizationId(), null);
		events.publishEvent(new AidEvents.HardshipFileExited(id, file.getMemberId(), file.getOrganizationId(), today()));
	}

	/**
	 * Records the household's current monthly income. For a household that exited within the
	 * relapse window, income below the threshold raises the relapse flag.
	 */
	@Transactional
	public void recordIncome(CurrentUser user, long id, long version, BigDecimal monthlyTotal) {
		HardshipFile file = loadForChange(user, id, version);
		if (file.getStatus() != FileStatus.FILED && file.getStatus() != FileStatus.CLOSED) {
			throw wrongStep(file);
		}
		BigDecimal total = requireAmount(monthlyTotal, "monthlyIncome");
		List<BigDecimal> split = new ArrayList<>();
		split.add(total);
		for (int i = 1; i < file.getHouseholdSize(); i++) {
			split.add(BigDecimal.ZERO);
		}
		Income income = income(file.getOrganizationId(), split);
		file.updateIncome(income.seal(cipher), clock.instant());
		event(file, Step.INCOME_UPDATED, Outcome.RECORDED, null, user);
		audit.record(user.username(), "INCOME_UPDATED", SUBJECT, id, file.getOrganizationId(), null);
		if (file.exitedWithin(settings.relapseYears(), today()) && income.isBelowThreshold()) {
			flag(file, "INCOME_BELOW_THRESHOLD", user.username());
		}
		files.saveAndFlush(file);
	}

	/** Staff clear a relapse flag after looking into it. */
	@Transactional
	public void clearRelapseFlag(CurrentUser user, long id, long version, String comment) {
		HardshipFile file = loadForChange(user, id, version);
		if (comment == null || comment.isBlank()) {
			throw new RuleViolationException("comment", "validation.required");
		}
		file.clearRelapseFlag(clock.instant());
		files.saveAndFlush(file);
		event(file, Step.RELAPSE_FLAGGED, Outcome.DISMISSED, comment.strip(), user);
		// the comment stays in the file's timeline: it may describe the household's situation
		audit.record(user.username(), "RELAPSE_FLAG_CLEARED", SUBJECT, id, file.getOrganizationId(), null);
	}

	/**
	 * Relapse watch: a new aid case for a household that exited recently raises the flag. Runs after
	 * the case's transaction commits, in its own, through the publication registry: recording the
	 * case does not wait for it and does not fail with it; a flag not yet raised when the portal
	 * stopped is raised at the next start.
	 */
	@ApplicationModuleListener
	public void on(AidCaseRecorded recorded) {
		watchForRelapse(recorded.memberId());
	}

	/** Raises the relapse flag on the member's files that exited within the relapse window. */
	void watchForRelapse(long memberId) {
		for (HardshipFile file : files.findByMemberAndStatus(memberId, EnumSet.of(FileStatus.CLOSED))) {
			if (file.exitedWithin(settings.relapseYears(), today())) {
				flag(file, "NEW_AID_CASE", "system");
				files.saveAndFlush(file);
			}
		}
	}

	/**
	 * A transferred member's files (all of them, so the history stays together) follow them into the
	 * new scope. Synchronous, in the transfer's transaction, like benefits': scope must never lag.
	 */
	@EventListener
	@Transactional
	public void on(MemberTransferred transferred) {
		for (HardshipFile file : files.findByMemberIdOrderByAppliedAtDesc(transferred.memberId())) {
			file.moveToOrganization(transferred.toOrganizationId(), clock.instant());
		}
	}

	// ---- helpers -----------------------------------------------------------------------------

	private Income income(long organizationId, List<BigDecimal> incomes) {
		int year = today().getYear();
		Optional<BigDecimal> threshold = thresholds.monthlyAmount(organizationId, year);
		return Income.of(incomes, threshold.orElse(null), threshold.isPresent() ? year : null);
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
			file.reject(comment.strip(), clock.instant());
		}
		files.saveAndFlush(file);
		event(file, step, approve ? Outcome.APPROVED : Outcome.REJECTED, blankToNull(comment), user);
		audit.record(user.username(), "FILE_" + step + "_" + (approve ? "APPROVED" : "REJECTED"), SUBJECT,
				file.getId(), file.getOrganizationId(), null);
	}

	private void flag(HardshipFile file, String reason, String actor) {
		file.flagRelapse(reason, clock.instant());
		timeline.saveAndFlush(new HardshipFileEvent(file.getId(), Step.RELAPSE_FLAGGED, Outcome.RECORDED, reason, actor,
				clock.instant()));
	}

	private void event(HardshipFile file, Step step, Outcome outcome, String comment, CurrentUser user) {
		timeline.saveAndFlush(new HardshipFileEvent(file.getId(), step, outcome, comment, user.username(),
				clock.instant()));
	}

	private void logAccess(CurrentUser user, long id) {
		jdbc.sql("INSERT INTO hardship_file_access (file_id, viewer, viewed_at) VALUES (:file, :viewer, :at)")
			.param("file", id)
			.param("viewer", user.username())
			.param("at", Timestamp.from(clock.instant()))
			.update();
	}

	private String uniqueCode() {
		String code = LookupCodes.generate();
		while (jdbc.sql("SELECT COUNT(*) FROM hardship_file WHERE lookup_code = :c").param("c", code).query(Long.class)
			.single() > 0) {
			code = LookupCodes.generate();
		}
		return code;
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
				local(f.getAppliedAt()), f.getVisitDate(), f.getVisitors(), cipher.decrypt(f.getVisitNotesCipher()),
				f.getNoticeStart(), f.getNoticeEnd(), f.getFiledOn(), f.getNextReviewOn(),
				f.getRejectionReason(), f.getClosedOn(), f.getCloseReason(), f.getSupportUntil(),
				f.getRelapseFlaggedAt() == null ? null : local(f.getRelapseFlaggedAt()), f.getRelapseReason(),
				f.getLookupCode(), household, revealed, f.getVersion());
	}

	private HardshipFile load(CurrentUser user, long id) {
		return files.findInScope(user.organizationId(), id).orElseThrow(() -> new NotFoundException("file", id));
	}

	private HardshipFile loadForChange(CurrentUser user, long id, long version) {
		HardshipFile file = load(user, id);
		if (file.getVersion() != version) {
			throw new ConflictException("file " + id + " changed meanwhile");
		}
		return file;
	}

	private static RuleViolationException wrongStep(HardshipFile file) {
		return new RuleViolationException(null, "aid.file.error.wrongStep");
	}

	private static BigDecimal requireAmount(BigDecimal amount, String field) {
		if (amount == null) {
			throw new RuleViolationException(field, "validation.required");
		}
		if (amount.signum() < 0 || amount.scale() > 2 && amount.stripTrailingZeros().scale() > 2) {
			throw new RuleViolationException(field, "aid.file.error.amount");
		}
		return amount;
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

	private LocalDateTime local(Instant instant) {
		return LocalDateTime.ofInstant(instant, clock.getZone());
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
