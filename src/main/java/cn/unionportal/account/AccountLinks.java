package cn.unionportal.account;

import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which staff accounts are linked by provenance: one created the other, granted it an
 * administrator role or last reset its password. Whoever creates an account or resets its
 * password chooses a password and can sign in with it before the holder does, and whoever
 * elevates an account picked its holder; so for four-eyes rules two linked accounts count as one
 * pair of eyes, in either direction. Only direct links count (a chain through a third account does
 * not: account creations, grants and resets are in the audit trail instead).
 */
@Service
@Transactional(readOnly = true)
public class AccountLinks {

	private static final String LINKED = """
			SELECT o.username FROM staff_account me
			JOIN staff_account o ON o.id <> me.id
			  AND (o.created_by = me.id OR o.elevated_by = me.id OR o.password_reset_by = me.id
			    OR me.created_by = o.id OR me.elevated_by = o.id OR me.password_reset_by = o.id)
			WHERE me.username = :username
			""";

	private final JdbcClient jdbc;

	AccountLinks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The usernames of the accounts linked to this one (never itself). */
	public Set<String> linkedTo(String username) {
		return new TreeSet<>(jdbc.sql(LINKED).param("username", username).query(String.class).list());
	}

	/** Whether the two accounts are linked (the same account is not "linked": check that separately). */
	public boolean linked(String username, String other) {
		return jdbc.sql("SELECT COUNT(*) FROM (" + LINKED + ") l WHERE l.username = :other")
			.param("username", username)
			.param("other", other)
			.query(Long.class)
			.single() > 0;
	}
}
