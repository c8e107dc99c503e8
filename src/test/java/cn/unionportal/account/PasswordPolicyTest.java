package cn.unionportal.account;

import cn.unionportal.shared.RuleViolationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordPolicyTest {

	private static void refused(String password, String key) {
		assertThatThrownBy(() -> PasswordPolicy.check("password", "wendeng", password))
			.isInstanceOfSatisfying(RuleViolationException.class, v -> assertThat(v.messageKey()).isEqualTo(key));
	}

	@Test
	void tenToAHundredCharacters() {
		refused("Abc-12345", "account.error.passwordLength");
		refused("x".repeat(101), "account.error.passwordLength");
		refused(null, "account.error.passwordLength");
		assertThatNoException().isThrownBy(() -> PasswordPolicy.check("password", "wendeng", "Abc-123456"));
	}

	@Test
	void notTheLoginNameInAnySpelling() {
		assertThatThrownBy(() -> PasswordPolicy.check("password", "wendeng-2026", "WENDENG-2026"))
			.isInstanceOf(RuleViolationException.class);
	}

	@Test
	void commonPasswordsAreRefusedWhateverTheirCase() {
		for (String common : new String[] { "woaini1314", "5201314woaini", "a123456789", "1234567890", "1234567899",
				"12345678ab".replace("ab", "01"), "QWERTYUIOP", "qwerty123456", "password2024", "88888888888",
				"1q2w3e4r5t", "iloveyou520", "ｗｏａｉｎｉ１３１４" }) {
			assertThat(PasswordPolicy.isCommon(common)).as(common).isTrue();
		}
		refused("Woaini1314", "account.error.passwordCommon");
	}

	@Test
	void theDemoPasswordAndOrdinaryGoodOnesPass() {
		for (String good : new String[] { "portal-demo-2026", "Hai-bin-lu-2026", "Right-pass-1", "Member-pass-1" }) {
			assertThat(PasswordPolicy.isCommon(good)).as(good).isFalse();
			assertThatNoException().isThrownBy(() -> PasswordPolicy.check("password", "wendeng", good));
		}
	}
}
