package cn.unionportal.aid.cases;

import cn.unionportal.aid.AidPermissions;

import java.util.Set;
import java.util.TreeSet;

import cn.unionportal.account.AccountLinks;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * Who may decide a case. Deciding is for administrators (organization or federation); staff record
 * cases and payments but do not decide. A district-level case is decided at a district federation
 * (its own: the case lies in the decider's scope) or at the municipal federation; a municipal-level
 * case only at the municipal federation. Whoever recorded a case never decides it (four eyes), and
 * neither does an account linked to the recorder's (one created, elevated or reset the password of
 * the other, see {@link AccountLinks}): one person could hold both.
 */
@Component
public class AidCaseDeciders {

	private final AidPermissions permissions;

	private final AccountLinks links;

	AidCaseDeciders(AidPermissions permissions, AccountLinks links) {
		this.permissions = permissions;
		this.links = links;
	}

	/** The recorders whose cases the user never decides: the user and the accounts linked to it. */
	Set<String> excludedRecorders(CurrentUser user) {
		Set<String> recorders = new TreeSet<>(links.linkedTo(user.username()));
		recorders.add(user.username());
		return recorders;
	}

	/** Whether the user's account and the recorder's are linked (so the user may not decide). */
	boolean linkedToRecorder(CurrentUser user, String recorder) {
		return links.linked(user.username(), recorder);
	}

	/** The levels the user may decide ({@link AidPermissions#decisionLevels}). */
	Set<ApprovalLevel> levelsOf(CurrentUser user) {
		return permissions.decisionLevels(user);
	}

	boolean mayDecide(CurrentUser user, ApprovalLevel level) {
		return levelsOf(user).contains(level);
	}

	/**
	 * Why the user may not decide this recorded case (a message key for the detail page), or
	 * {@code null} when they may, or when the case is decided already.
	 */
	String blockFor(CurrentUser user, AidCase aidCase) {
		if (aidCase.getStatus() != CaseStatus.RECORDED) {
			return null;
		}
		Set<ApprovalLevel> levels = levelsOf(user);
		if (levels.isEmpty()) {
			return "aid.case.block.role";
		}
		if (!levels.contains(aidCase.getApprovalLevel())) {
			return "aid.case.block.level";
		}
		if (aidCase.getRecordedBy().equals(user.username())) {
			return "aid.case.block.recorder";
		}
		if (linkedToRecorder(user, aidCase.getRecordedBy())) {
			return "aid.case.block.linkedAccount";
		}
		return null;
	}
}
