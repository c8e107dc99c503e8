package cn.unionportal.aid.files;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import cn.unionportal.aid.AidEvents.AidCaseRecorded;
import cn.unionportal.aid.AidSettings;
import cn.unionportal.aid.files.HardshipFileEvent.Outcome;
import cn.unionportal.aid.files.HardshipFileEvent.Step;
import cn.unionportal.member.MemberEvents.MemberTransferred;
import cn.unionportal.shared.crypto.PersonalDataCipher;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A file after filing (issue 9, split from {@link HardshipFileManagement}): income updates, the
 * relapse watch (返困预警) and its flag, and files following a transferred member.
 */
@Service
public class HardshipFileAftercare {

	private final HardshipFileRecords records;

	private final HouseholdIncomes incomes;

	private final PersonalDataCipher cipher;

	private final AidSettings settings;

	HardshipFileAftercare(HardshipFileRecords records, HouseholdIncomes incomes, PersonalDataCipher cipher,
			AidSettings settings) {
		this.records = records;
		this.incomes = incomes;
		this.cipher = cipher;
		this.settings = settings;
	}

	/**
	 * Records the household's current monthly income. For a household that exited within the
	 * relapse window, income below the threshold raises the relapse flag.
	 */
	@Transactional
	public void recordIncome(CurrentUser user, long id, long version, BigDecimal monthlyTotal) {
		HardshipFile file = records.loadForChange(user, id, version);
		if (file.getStatus() != FileStatus.FILED && file.getStatus() != FileStatus.CLOSED) {
			throw HardshipFileRecords.wrongStep();
		}
		BigDecimal total = HouseholdIncomes.requireAmount(monthlyTotal, "monthlyIncome");
		List<BigDecimal> split = new ArrayList<>();
		split.add(total);
		for (int i = 1; i < file.getHouseholdSize(); i++) {
			split.add(BigDecimal.ZERO);
		}
		Income income = incomes.assess(file.getOrganizationId(), split);
		file.updateIncome(income.seal(cipher), records.now());
		records.step(file, Step.INCOME_UPDATED, Outcome.RECORDED, null, user);
		records.audit(user, "INCOME_UPDATED", file, null);
		if (file.exitedWithin(settings.relapseYears(), records.today()) && income.isBelowThreshold()) {
			flag(file, "INCOME_BELOW_THRESHOLD", user.username());
		}
		records.save(file);
	}

	/** Staff clear a relapse flag after looking into it. */
	@Transactional
	public void clearRelapseFlag(CurrentUser user, long id, long version, String comment) {
		HardshipFile file = records.loadForChange(user, id, version);
		String text = HardshipFileRecords.required(comment, "comment");
		file.clearRelapseFlag(records.now());
		records.save(file);
		records.step(file, Step.RELAPSE_FLAGGED, Outcome.DISMISSED, text, user);
		// the comment stays in the file's timeline: it may describe the household's situation
		records.audit(user, "RELAPSE_FLAG_CLEARED", file, null);
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
		for (HardshipFile file : records.ofMember(memberId, EnumSet.of(FileStatus.CLOSED))) {
			if (file.exitedWithin(settings.relapseYears(), records.today())) {
				flag(file, "NEW_AID_CASE", "system");
				records.save(file);
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
		for (HardshipFile file : records.ofMember(transferred.memberId())) {
			file.moveToOrganization(transferred.toOrganizationId(), records.now());
		}
	}

	private void flag(HardshipFile file, String reason, String actor) {
		file.flagRelapse(reason, records.now());
		records.step(file, Step.RELAPSE_FLAGGED, Outcome.RECORDED, reason, actor);
	}
}
