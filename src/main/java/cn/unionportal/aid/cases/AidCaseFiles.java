package cn.unionportal.aid.cases;

import cn.unionportal.aid.files.FileStatus;
import cn.unionportal.aid.files.HardshipTier;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.shared.NotFoundException;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * What aid cases need to know about a household file (read straight from {@code hardship_file},
 * which the file lifecycle owns): whose it is, where, its tier, whether it still entitles the
 * household to aid, and its lookup code.
 */
@Component
public class AidCaseFiles {

	private final JdbcClient jdbc;

	private final OrganizationManagement organizations;

	AidCaseFiles(JdbcClient jdbc, OrganizationManagement organizations) {
		this.jdbc = jdbc;
		this.organizations = organizations;
	}

	/** A file as a case sees it. */
	record CaseFile(long id, long memberId, long organizationId, FileStatus status, HardshipTier tier,
			LocalDate supportUntil, String lookupCode) {

		/**
		 * Aid may be recorded on a filed household, and on a closed one while its support continues
		 * after exit (脱困不脱政策: {@code support_until} not yet passed). Files under review,
		 * rejected files and closed files past their grace date do not qualify.
		 */
		boolean entitlesAid(LocalDate today) {
			return status == FileStatus.FILED
					|| (status == FileStatus.CLOSED && supportUntil != null && !supportUntil.isBefore(today));
		}
	}

	Optional<CaseFile> find(long id) {
		return jdbc.sql("""
				SELECT id, member_id, organization_id, status, tier, support_until, lookup_code
				FROM hardship_file WHERE id = :id
				""")
			.param("id", id)
			.query((rs, i) -> new CaseFile(rs.getLong("id"), rs.getLong("member_id"), rs.getLong("organization_id"),
					FileStatus.valueOf(rs.getString("status")), HardshipTier.valueOf(rs.getString("tier")),
					rs.getDate("support_until") == null ? null : rs.getDate("support_until").toLocalDate(),
					rs.getString("lookup_code")))
			.optional();
	}

	/** The file, when it lies within the user's scope; a file outside it answers 404 like a missing one. */
	CaseFile inScope(CurrentUser user, long fileId) {
		return find(fileId)
			.filter(f -> organizations.scopeOf(user).contains(f.organizationId()))
			.orElseThrow(() -> new NotFoundException("hardship file", fileId));
	}

	/** Whether a lookup code is taken by any file or case (the public page reads both). */
	boolean lookupCodeTaken(String code) {
		return jdbc.sql("""
				SELECT (SELECT COUNT(*) FROM hardship_file WHERE lookup_code = :code)
				     + (SELECT COUNT(*) FROM aid_case WHERE lookup_code = :code)
				""").param("code", code).query(Long.class).single() > 0;
	}
}
