package cn.unionportal.award;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.List;

import cn.unionportal.member.MemberManagement;
import cn.unionportal.organization.Scopes;
import cn.unionportal.shared.NotFoundException;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The honour register (荣誉档案), read side: every honour a member or collective holds, from
 * campaigns, from competitions or entered by staff. Honours are written by {@link HonourRecording}
 * (conferral, competition titles, transfers) and changed by {@link HonourChanges} (staff entries,
 * revocation, deceased, listing).
 */
@Service
@Transactional(readOnly = true)
public class HonourRegister {

	static final String SUBJECT = "HONOUR";

	static final String COLUMNS = """
			h.id, h.kind_id, k.name AS kind_name, k.name_en AS kind_name_en, k.honour_level, h.member_id, h.organization_id,
			h.holder_name, h.honour_year, h.conferred_on, h.source, h.reference, h.certificate_code, h.status,
			h.revoked_reason, h.revoked_document, h.revoked_on, h.deceased, h.listed, h.allowance_from, h.version
			""";

	static final String FROM = " FROM honour h JOIN honour_kind k ON k.id = h.kind_id ";

	private final JdbcClient jdbc;

	private final MemberManagement members;

	private final Scopes scopes;

	HonourRegister(JdbcClient jdbc, MemberManagement members, Scopes scopes) {
		this.jdbc = jdbc;
		this.members = members;
		this.scopes = scopes;
	}

	// ---- reads -------------------------------------------------------------------------------------

	/** A member's honours (404 outside the user's scope), newest first. */
	public List<HonourView> honoursOf(CurrentUser user, long memberId) {
		members.get(user, memberId);
		return honoursOfMember(memberId);
	}

	/** The member's own honours (self-service; the member is signed in). */
	public List<HonourView> ownHonours(long memberId) {
		return honoursOfMember(memberId);
	}

	/** Collective honours of an organization (404 outside the scope). */
	public List<HonourView> collectiveHonoursOf(CurrentUser user, long organizationId) {
		scopes.of(user).require(organizationId);
		return jdbc.sql("SELECT " + COLUMNS + FROM
				+ "WHERE h.organization_id = :org AND h.member_id IS NULL ORDER BY h.conferred_on DESC, h.id DESC")
			.param("org", organizationId).query(HonourRegister::map).list();
	}

	public HonourView honour(CurrentUser user, long id) {
		HonourView honour = find(id).orElseThrow(() -> new NotFoundException("honour", id));
		if (!scopes.of(user).contains(honour.organizationId())) {
			throw new NotFoundException("honour", id);
		}
		return honour;
	}

	java.util.Optional<HonourView> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + FROM + "WHERE h.id = :id").param("id", id).query(HonourRegister::map)
			.optional();
	}

	private List<HonourView> honoursOfMember(long memberId) {
		return jdbc.sql("SELECT " + COLUMNS + FROM + "WHERE h.member_id = :member ORDER BY h.conferred_on DESC, h.id DESC")
			.param("member", memberId).query(HonourRegister::map).list();
	}

	/** What the eligibility rules need: the honours a member holds or held. */
	List<AwardRules.Held> heldBy(long memberId) {
		return jdbc.sql("SELECT kind_id, honour_year, status FROM honour WHERE member_id = :member")
			.param("member", memberId)
			.query((rs, i) -> new AwardRules.Held(rs.getLong(1), rs.getInt(2), "ACTIVE".equals(rs.getString(3))))
			.list();
	}

	static HonourView map(ResultSet rs, int row) throws SQLException {
		Date revokedOn = rs.getDate("revoked_on");
		Date allowanceFrom = rs.getDate("allowance_from");
		return new HonourView(rs.getLong("id"), rs.getLong("kind_id"), rs.getString("kind_name"),
				rs.getString("kind_name_en"), HonourLevel.valueOf(rs.getString("honour_level")),
				rs.getObject("member_id", Long.class), rs.getLong("organization_id"), rs.getString("holder_name"),
				rs.getInt("honour_year"), rs.getDate("conferred_on").toLocalDate(),
				HonourSource.valueOf(rs.getString("source")), rs.getString("reference"), rs.getString("certificate_code"),
				HonourStatus.valueOf(rs.getString("status")), rs.getString("revoked_reason"),
				rs.getString("revoked_document"), revokedOn == null ? null : revokedOn.toLocalDate(),
				rs.getBoolean("deceased"), rs.getBoolean("listed"),
				allowanceFrom == null ? null : YearMonth.from(allowanceFrom.toLocalDate()), rs.getLong("version"));
	}
}
