package cn.unionportal.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import cn.unionportal.shared.RuleViolationException;

/**
 * The rule every new password follows, for staff (own change, temporary passwords set by an
 * administrator, the first administrator) and members (activation, own change): 10 to 100
 * characters, not the login name, and not in the list of common passwords shipped with the
 * portal ({@code security/common-passwords.txt}, compared case-insensitively after NFKC), which
 * is where guessing starts.
 */
public final class PasswordPolicy {

	public static final int MIN_LENGTH = 10;

	public static final int MAX_LENGTH = 100;

	private static final String LIST = "/security/common-passwords.txt";

	private PasswordPolicy() {
	}

	/**
	 * Checks a new password. @throws RuleViolationException on {@code field} with
	 * {@code account.error.passwordLength}, {@code account.error.passwordIsUsername} or
	 * {@code account.error.passwordCommon}
	 */
	public static void check(String field, String loginName, String password) {
		if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
			throw new RuleViolationException(field, "account.error.passwordLength", MIN_LENGTH);
		}
		String folded = fold(password);
		if (loginName != null && folded.equals(fold(LoginNames.strip(loginName)))) {
			throw new RuleViolationException(field, "account.error.passwordIsUsername");
		}
		if (isCommon(password)) {
			throw new RuleViolationException(field, "account.error.passwordCommon");
		}
	}

	/** Whether the password is in the shipped list of common passwords. */
	public static boolean isCommon(String password) {
		return password != null && Common.PASSWORDS.contains(fold(password));
	}

	private static String fold(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
	}

	/** Loaded on first use. */
	private static final class Common {

		static final Set<String> PASSWORDS = load();

		private static Set<String> load() {
			Set<String> passwords = new HashSet<>();
			try (InputStream in = PasswordPolicy.class.getResourceAsStream(LIST)) {
				if (in == null) {
					throw new IllegalStateException("missing " + LIST);
				}
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
				for (String line = reader.readLine(); line != null; line = reader.readLine()) {
					String entry = line.strip();
					if (!entry.isEmpty() && !entry.startsWith("#")) {
						passwords.add(fold(entry));
					}
				}
			}
			catch (IOException unreadable) {
				throw new UncheckedIOException(unreadable);
			}
			return Set.copyOf(passwords);
		}
	}
}
