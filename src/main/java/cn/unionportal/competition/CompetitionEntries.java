package cn.unionportal.competition;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;

import cn.unionportal.audit.AuditTrail;
import cn.unionportal.competition.CompetitionManagement.CompetitionView;
import cn.unionportal.competition.CompetitionManagement.TradeView;
import cn.unionportal.member.MemberManagement;
import cn.unionportal.member.MemberView;
import cn.unionportal.shared.ConflictException;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Entries (报名): staff register members of their own scope (one member, or a team of 2-5) in a
 * trade; the portal checks the window, the members' status and eligibility, capacity, the
 * registering organization's quota and one trade per competition. Registrations of a competition
 * are serialized by a row lock on it, so the counts hold under concurrent clicks; the unique key
 * on (competition, member, slot) is the last guard against a double registration.
 */
@Service
public class CompetitionEntries {

	private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final CompetitionCatalogue competitions;

	private final CompetitionPermissions permissions;

	private final MemberManagement members;

	private final EntryLists lists;

	private final AuditTrail audit;

	private final Clock clock;

	CompetitionEntries(JdbcClient jdbc, CompetitionCatalogue competitions, CompetitionPermissions permissions,
			MemberManagement members, EntryLists lists, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.lists = lists;
		this.competitions = competitions;
		this.permissions = permissions;
		this.members = members;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public long register(CurrentUser user, long tradeId, List<Long> memberIds, String teamName, int skillGrade) {
		permissions.requireStaff(user);
		TradeView trade = competitions.trade(tradeId);
		// one registration at a time per competition: the counts below stay true
		jdbc.sql("SELECT id FROM competition WHERE id = :id FOR UPDATE").param("id", trade.competitionId())
			.query(Long.class).single();
		CompetitionView c = competitions.load(trade.competitionId());
		List<Long> ids = new ArrayList<>(new LinkedHashSet<>(memberIds));
		List<MemberView> people = new ArrayList<>();
		for (long id : ids) {
			people.add(members.get(user, id)); // 404 outside the scope
		}
		LocalDate today = LocalDate.now(clock);
		if (!c.registrationOpenOn(today)) {
			throw new RuleViolationException(null, "competition.entry.error.window", c.registrationOpens(),
					c.registrationCloses());
		}
		if (c.teamForm() ? people.size() < 2 || people.size() > 5 : people.size() != 1) {
			throw new RuleViolationException("memberIds", c.teamForm() ? "competition.entry.error.teamSize"
					: "competition.entry.error.oneMember");
		}
		if (c.teamForm() && (teamName == null || teamName.isBlank())) {
			throw new RuleViolationException("teamName", "competition.entry.error.teamName");
		}
		for (MemberView person : people) {
			checkEligible(person, trade, c, skillGrade);
		}
		if (trade.locked()) {
			throw new RuleViolationException(null, "competition.error.tradeLocked");
		}
		if (trade.activeEntries() >= trade.capacity()) {
			throw new RuleViolationException(null, "competition.entry.error.full", trade.capacity());
		}
		long fromOrganization = jdbc.sql("""
				SELECT COUNT(*) FROM competition_entry WHERE trade_id = :t AND organization_id = :o AND status = 'ACTIVE'""")
			.param("t", tradeId).param("o", user.organizationId()).query(Long.class).single();
		if (fromOrganization >= trade.quotaPerOrganization()) {
			throw new RuleViolationException(null, "competition.entry.error.quota", trade.quotaPerOrganization());
		}
		long slot = c.multipleTrades() ? tradeId : 0;
		for (MemberView person : people) {
			boolean taken = jdbc.sql("""
					SELECT COUNT(*) FROM competition_entry_member
					WHERE competition_id = :c AND member_id = :m AND slot = :slot""")
				.param("c", c.id()).param("m", person.id()).param("slot", slot).query(Long.class).single() > 0;
			if (taken) {
				throw new RuleViolationException("memberIds", c.multipleTrades() ? "competition.entry.error.duplicate"
						: "competition.entry.error.oneTrade", person.name());
			}
		}
		var keys = new GeneratedKeyHolder();
		String code = newCode(c.id());
		jdbc.sql("""
				INSERT INTO competition_entry (competition_id, trade_id, organization_id, team_name, name_sort_key,
				    contestant_code, skill_grade, status, registered_by, created_at)
				VALUES (:c, :t, :o, :team, :nameKey, :code, :grade, 'ACTIVE', :by, :now)""")
			.param("c", c.id()).param("t", tradeId).param("o", user.organizationId())
			.param("team", c.teamForm() ? teamName.strip() : null)
			.param("nameKey", EntryNameKeys.of(c.teamForm() ? teamName : null, people.get(0).name()))
			.param("code", code).param("grade", skillGrade)
			.param("by", user.username()).param("now", Timestamp.from(clock.instant()))
			.update(keys, "id");
		long entryId = keys.getKey().longValue();
		for (MemberView person : people) {
			jdbc.sql("""
					INSERT INTO competition_entry_member (entry_id, member_id, competition_id, organization_id, name, slot)
					VALUES (:e, :m, :c, :o, :name, :slot)""")
				.param("e", entryId).param("m", person.id()).param("c", c.id()).param("o", person.organizationId())
				.param("name", person.name()).param("slot", slot).update();
			audit.record(user.username(), "REGISTER", CompetitionManagement.SUBJECT, c.id(), person.organizationId(),
					"entry " + code + " trade " + trade.name() + " member " + person.cardNumber());
		}
		return entryId;
	}

	static void checkEligible(MemberView person, TradeView trade, CompetitionView c, int skillGrade) {
		if (!person.isActive()) {
			throw new RuleViolationException("memberIds", "competition.entry.error.inactive", person.name());
		}
		int age = c.year() - person.birthYear();
		if (age < trade.minAge() || age > trade.maxAge()) {
			throw new RuleViolationException("memberIds", "competition.entry.error.age", person.name(), trade.minAge(),
					trade.maxAge());
		}
		if (!trade.employmentTypes().isEmpty() && !trade.employmentTypes().contains(person.employmentType())) {
			throw new RuleViolationException("memberIds", "competition.entry.error.employment", person.name());
		}
		if (skillGrade < trade.minSkillGrade()) {
			throw new RuleViolationException("skillGrade", "competition.entry.error.grade", trade.minSkillGrade());
		}
	}

	/** A random contestant code: six characters without the look-alikes 0/O and 1/I. */
	static String randomCode() {
		StringBuilder code = new StringBuilder(6);
		for (int i = 0; i < 6; i++) {
			code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
		}
		return code.toString();
	}

	private String newCode(long competitionId) {
		while (true) {
			String code = randomCode();
			boolean used = jdbc.sql("SELECT COUNT(*) FROM competition_entry WHERE competition_id = :c AND contestant_code = :code")
				.param("c", competitionId).param("code", code).query(Long.class).single() > 0;
			if (!used) {
				return code;
			}
		}
	}

	/** Withdrawal (registering staff or organizer) or disqualification (organizer), with a reason. */
	@Transactional
	public void changeStatus(CurrentUser user, long entryId, long version, String status, String reason) {
		EntryLists.EntryView entry = lists.entry(user, entryId);
		CompetitionView c = competitions.load(entry.competitionId());
		if ("DISQUALIFIED".equals(status)) {
			permissions.requireOrganizer(user, c.organizerId());
		}
		else if (!"WITHDRAWN".equals(status)) {
			throw new IllegalArgumentException(status);
		}
		if (!entry.active()) {
			throw new RuleViolationException(null, "competition.entry.error.notActive");
		}
		if (reason == null || reason.isBlank()) {
			throw new RuleViolationException("reason", "competition.entry.error.reason");
		}
		if (c.status().resultsPublic()) {
			throw new RuleViolationException(null, "competition.error.resultsOut");
		}
		int updated = jdbc.sql("""
				UPDATE competition_entry SET status = :s, status_reason = :r, version = version + 1
				WHERE id = :id AND version = :v""")
			.param("s", status).param("r", reason.strip()).param("id", entryId).param("v", version).update();
		if (updated == 0) {
			throw new ConflictException("entry " + entryId + " changed meanwhile");
		}
		if ("WITHDRAWN".equals(status)) { // frees the member's slot for another registration
			jdbc.sql("UPDATE competition_entry_member SET slot = :free WHERE entry_id = :id")
				.param("free", -entryId).param("id", entryId).update();
		}
		audit.record(user.username(), status, CompetitionManagement.SUBJECT, c.id(), entry.organizationId(),
				"entry " + entry.contestantCode() + ": " + reason.strip());
	}

	/** Random workstation draw of a trade's active entries (organizer, before the competition runs). */
	@Transactional
	public void drawStations(CurrentUser user, long tradeId) {
		TradeView trade = competitions.trade(tradeId);
		CompetitionView c = competitions.load(trade.competitionId());
		permissions.requireOrganizer(user, c.organizerId());
		if (c.status().compareTo(CompetitionStatus.IN_PROGRESS) > 0) {
			throw new RuleViolationException(null, "competition.error.drawTooLate");
		}
		List<Long> ids = new ArrayList<>(jdbc.sql("SELECT id FROM competition_entry WHERE trade_id = :t AND status = 'ACTIVE' ORDER BY id")
			.param("t", tradeId).query(Long.class).list());
		Collections.shuffle(ids, RANDOM);
		for (int i = 0; i < ids.size(); i++) {
			jdbc.sql("UPDATE competition_entry SET station = :s, version = version + 1 WHERE id = :id")
				.param("s", i + 1).param("id", ids.get(i)).update();
		}
		audit.record(user.username(), "DRAW", CompetitionManagement.SUBJECT, c.id(), c.organizerId(), trade.name());
	}
}
