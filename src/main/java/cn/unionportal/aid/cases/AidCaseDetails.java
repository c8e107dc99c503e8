package cn.unionportal.aid.cases;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.unionportal.aid.cases.AidCaseFiles.CaseFile;
import cn.unionportal.aid.funding.AidBudgetKey;
import cn.unionportal.aid.funding.AidBudgetRepository;
import cn.unionportal.aid.funding.AidBudgetView;
import cn.unionportal.member.MemberBrief;
import cn.unionportal.member.MemberManagement;
import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read side of one aid case (issue 9, split from {@link AidCaseManagement}): the detail page
 * with its timeline of decision and payments, whether the user may decide it (and why not), and
 * the budget the user's organization would pay from.
 */
@Service
@Transactional(readOnly = true)
public class AidCaseDetails {

	private final AidCaseRecords records;

	private final AidBudgetRepository budgets;

	private final AidCaseFiles files;

	private final AidCaseDeciders deciders;

	private final MemberManagement members;

	private final OrganizationManagement organizations;

	AidCaseDetails(AidCaseRecords records, AidBudgetRepository budgets, AidCaseFiles files, AidCaseDeciders deciders,
			MemberManagement members, OrganizationManagement organizations) {
		this.records = records;
		this.budgets = budgets;
		this.files = files;
		this.deciders = deciders;
		this.members = members;
		this.organizations = organizations;
	}

	public AidCaseView get(CurrentUser user, long id) {
		AidCase aidCase = records.load(user, id);
		MemberBrief member = members.briefs(List.of(aidCase.getMemberId())).get(aidCase.getMemberId());
		CaseFile file = aidCase.getFileId() == null ? null : files.find(aidCase.getFileId()).orElse(null);
		List<AidPayment> paid = records.paymentsOf(id);
		Set<Long> organizationIds = new HashSet<>();
		organizationIds.add(aidCase.getOrganizationId());
		organizationIds.add(user.organizationId());
		paid.forEach(p -> organizationIds.add(p.getPayerOrganizationId()));
		Map<Long, String> names = organizations.scopeOf(user).names(organizationIds);
		String block = deciders.blockFor(user, aidCase);
		AidBudgetView payerBudget = budgets.findById(new AidBudgetKey(user.organizationId(), aidCase.getYear()))
			.map(b -> new AidBudgetView(b.getOrganizationId(), names.get(b.getOrganizationId()), b.getYear(),
					b.getAmount(), b.getSpent(), b.getVersion(), b.getUpdatedBy(), records.local(b.getUpdatedAt())))
			.orElse(null);
		return new AidCaseView(aidCase.getId(), aidCase.getKind(), aidCase.getStatus(), aidCase.getMemberId(),
				member.name(), member.idNumberMasked(), aidCase.getFileId(), file == null ? null : file.tier(),
				aidCase.getOrganizationId(), names.get(aidCase.getOrganizationId()), aidCase.getYear(),
				aidCase.getDetails(), aidCase.getStudentName(), aidCase.getSchool(), aidCase.getGrade(),
				aidCase.getSchoolLevel(), aidCase.getBillAmount(), aidCase.getInsuranceAmount(),
				aidCase.getOtherAidAmount(), aidCase.getCaseSummary(), aidCase.getCaseOutcome(),
				aidCase.getObtainedAmount(), aidCase.getComputedAmount(), aidCase.getRuleText(),
				aidCase.getRequestedAmount(), aidCase.getOverrideReason(), aidCase.getApprovalLevel(),
				aidCase.getRecordedBy(), records.local(aidCase.getRecordedAt()), aidCase.getDecidedBy(),
				aidCase.getDecidedAt() == null ? null : records.local(aidCase.getDecidedAt()),
				aidCase.getDecisionComment(), aidCase.getApprovedAmount(), aidCase.getPaidAmount(),
				aidCase.getLookupCode() != null ? aidCase.getLookupCode() : file == null ? null : file.lookupCode(),
				aidCase.getVersion(), timeline(aidCase, paid, names),
				aidCase.getStatus() == CaseStatus.RECORDED && block == null, block, payerBudget);
	}

	private List<AidCaseTimelineEntry> timeline(AidCase c, List<AidPayment> paid, Map<Long, String> names) {
		List<AidCaseTimelineEntry> steps = new ArrayList<>();
		steps.add(new AidCaseTimelineEntry(AidCaseTimelineEntry.Step.RECORDED, records.local(c.getRecordedAt()),
				c.getRecordedBy(), c.getRequestedAmount(), null, null, null, null, null));
		if (c.getDecidedAt() != null) {
			boolean rejected = c.getStatus() == CaseStatus.REJECTED;
			steps.add(new AidCaseTimelineEntry(
					rejected ? AidCaseTimelineEntry.Step.REJECTED : AidCaseTimelineEntry.Step.APPROVED,
					records.local(c.getDecidedAt()), c.getDecidedBy(), rejected ? null : c.getApprovedAmount(),
					c.getDecisionComment(), null, null, null, null));
		}
		for (AidPayment p : paid) {
			steps.add(new AidCaseTimelineEntry(AidCaseTimelineEntry.Step.PAYMENT, records.local(p.getRecordedAt()),
					p.getRecordedBy(), p.getAmount(), null, p.getPaidOn(), p.getChannel(), p.getBankCardMasked(),
					names.get(p.getPayerOrganizationId())));
		}
		return steps;
	}
}
