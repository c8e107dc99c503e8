package cn.unionportal.aid.files;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.springframework.modulith.NamedInterface;

import cn.unionportal.aid.files.HardshipFileEvent.Outcome;
import cn.unionportal.aid.files.HardshipFileEvent.Step;
import cn.unionportal.member.MemberManagement;
import cn.unionportal.member.MemberStatus;
import cn.unionportal.member.MemberView;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.crypto.PersonalDataCipher;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first step of a household file (issue 9, split from {@link HardshipFileManagement}): the
 * application for an active member in scope, with the household's members and incomes (encrypted)
 * judged against the threshold. One open file per member; two concurrent applications file one.
 */
@Service
@NamedInterface("files")
public class HardshipFileApplications {

	private final HardshipFileRecords records;

	private final MemberManagement members;

	private final HouseholdIncomes incomes;

	private final PersonalDataCipher cipher;

	HardshipFileApplications(HardshipFileRecords records, MemberManagement members, HouseholdIncomes incomes,
			PersonalDataCipher cipher) {
		this.records = records;
		this.members = members;
		this.incomes = incomes;
		this.cipher = cipher;
	}

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
		if (!records.ofMember(member.id(), FileStatus.open()).isEmpty()) {
			throw new RuleViolationException(null, "aid.file.error.alreadyOpen");
		}
		List<FileApplication.Relative> relatives = application.relatives() == null ? List.of()
				: application.relatives().stream().filter(r -> r.name() != null && !r.name().isBlank()).toList();
		List<BigDecimal> amounts = new ArrayList<>();
		amounts.add(HouseholdIncomes.requireAmount(application.workerIncome(), "workerIncome"));
		for (int i = 0; i < relatives.size(); i++) {
			FileApplication.Relative relative = relatives.get(i);
			if (relative.relation() == null || relative.relation().isBlank() || relative.age() == null
					|| relative.age() < 0 || relative.age() > 130) {
				throw new RuleViolationException(null, "aid.file.error.relative", i + 1);
			}
			amounts.add(HouseholdIncomes.requireAmount(relative.income() == null ? BigDecimal.ZERO : relative.income(),
					"relatives"));
		}
		Income income = incomes.assess(member.organizationId(), amounts);
		HardshipFile file = new HardshipFile(member.id(), member.organizationId(), application.tier(),
				application.causes(), cipher.encrypt(HardshipFileRecords.blankToNull(application.situation())),
				income.seal(cipher), user.username(), records.now());
		int seq = 0;
		for (FileApplication.Relative relative : relatives) {
			file.addHouseholdMember(new HouseholdMember(file, ++seq, relative.name().strip(), relative.relation().strip(),
					relative.age(), cipher.encrypt(HardshipFileRecords.blankToNull(relative.health())),
					HardshipFileRecords.blankToNull(relative.schooling()),
					cipher.encrypt(relative.income() == null ? "0" : relative.income().toPlainString())));
		}
		try {
			records.save(file);
		}
		catch (DataIntegrityViolationException concurrent) {
			throw new RuleViolationException(null, "aid.file.error.alreadyOpen");
		}
		// the situation is encrypted on the file; the timeline does not copy it
		records.step(file, Step.APPLIED, Outcome.RECORDED, null, user);
		records.audit(user, "FILE_APPLIED", file,
				"tier=" + file.getTier() + "; causes=" + file.getCauses() + "; householdSize=" + file.getHouseholdSize());
		return file.getId();
	}
}
