package cn.unionportal.aid.cases;

import java.util.Map;
import java.util.Set;

import cn.unionportal.member.MemberBrief;
import cn.unionportal.member.MemberManagement;
import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read side of aid cases as lists (issue 9, split from {@link AidCaseManagement}): the scoped
 * search with its filters and the queue of cases waiting for the user's decision.
 */
@Service
@Transactional(readOnly = true)
public class AidCaseLists {

	private final AidCaseSearch search;

	private final AidCaseFiles files;

	private final AidCaseDeciders deciders;

	private final MemberManagement members;

	private final OrganizationManagement organizations;

	AidCaseLists(AidCaseSearch search, AidCaseFiles files, AidCaseDeciders deciders, MemberManagement members,
			OrganizationManagement organizations) {
		this.search = search;
		this.files = files;
		this.deciders = deciders;
		this.members = members;
		this.organizations = organizations;
	}

	public Page<AidCaseSummary> search(CurrentUser user, AidCaseQuery query, Pageable pageable) {
		long scope = organizations.scopeOf(user).narrowTo(query.organizationId());
		if (query.memberId() != null) {
			members.get(user, query.memberId());
		}
		if (query.fileId() != null) {
			files.inScope(user, query.fileId());
		}
		return summaries(search.find(scope, query, null, Set.of(), pageable));
	}

	/** Recorded cases in scope waiting for this user's decision (not recorded by them, at their level). */
	public Page<AidCaseSummary> queue(CurrentUser user, Pageable pageable) {
		return summaries(search.find(user.organizationId(), AidCaseQuery.all(), deciders.excludedRecorders(user),
				deciders.levelsOf(user), pageable));
	}

	/** Whether the user decides cases at all (administrators at district or municipal federations). */
	public boolean decidesCases(CurrentUser user) {
		return !deciders.levelsOf(user).isEmpty();
	}

	private Page<AidCaseSummary> summaries(Page<AidCaseSearch.Row> rows) {
		Map<Long, MemberBrief> people = members.briefs(rows.stream().map(AidCaseSearch.Row::memberId).distinct().toList());
		Map<Long, String> names = organizations
			.namesOf(rows.stream().map(AidCaseSearch.Row::organizationId).distinct().toList());
		return rows.map(r -> {
			MemberBrief m = people.get(r.memberId());
			return new AidCaseSummary(r.id(), r.kind(), r.status(), r.memberId(), m == null ? null : m.name(),
					m == null ? null : m.idNumberMasked(), r.fileId(), r.organizationId(), names.get(r.organizationId()),
					r.year(), r.requestedAmount(), r.approvedAmount(), r.paidAmount(), r.approvalLevel(), r.recordedBy(),
					r.recordedAt());
		});
	}
}
