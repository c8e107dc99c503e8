package cn.unionportal.shared.crypto;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded H2 file database ({@code jdbc:h2:file:…}, the default when {@code PORTAL_DB_URL} is
 * unset) gets a generated password instead of none: it is created once, 32 random bytes in
 * URL-safe Base64, in a file beside the database ({@code ./data/portal-db.password}, 0600), and
 * used for the connection pool. A database created before, with an empty password, is opened once
 * with the empty password and given the generated one ({@code ALTER USER … SET PASSWORD}). The
 * database's directory and all the files in it (database, key file, attachments) are restricted to
 * the portal's user (0700 and 0600, {@link PrivateFiles}).
 *
 * <p>Nothing here applies when a password is configured or the URL is not an H2 file URL
 * (PostgreSQL, H2 in memory).
 */
public final class EmbeddedDatabase {

	private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

	private static final String FILE_PREFIX = "jdbc:h2:file:";

	private static final Pattern PASSWORD = Pattern.compile("[A-Za-z0-9_-]{43}");

	private static final SecureRandom RANDOM = new SecureRandom();

	private EmbeddedDatabase() {
	}

	/** Whether {@code url} names an embedded H2 file database. */
	public static boolean isEmbeddedFile(String url) {
		return url != null && url.regionMatches(true, 0, FILE_PREFIX, 0, FILE_PREFIX.length());
	}

	/**
	 * The database file's base path ({@code ./data/portal} for {@code jdbc:h2:file:./data/portal;…}).
	 */
	static Path basePath(String url) {
		String rest = url.substring(FILE_PREFIX.length());
		int options = rest.indexOf(';');
		String path = options < 0 ? rest : rest.substring(0, options);
		if (path.startsWith("~")) {
			path = System.getProperty("user.home") + path.substring(1);
		}
		return Path.of(path).toAbsolutePath().normalize();
	}

	/** Where the generated password of the database at {@code url} is kept. */
	public static Path passwordFile(String url) {
		Path base = basePath(url);
		return base.resolveSibling(base.getFileName() + "-db.password");
	}

	/**
	 * Prepares the embedded database at {@code url} for a connection as {@code user}: restricts its
	 * directory, creates or reads the generated password, sets it on a database that still has an
	 * empty one, and returns it.
	 */
	public static String prepare(String url, String user) {
		Path base = basePath(url);
		Path directory = base.getParent();
		try {
			PrivateFiles.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the database directory " + directory, ex);
		}
		PrivateFiles.restrictTree(directory);
		String password = loadOrCreatePassword(passwordFile(url));
		upgrade(url, user, password);
		// H2 creates its files with the process's umask: restrict what it just created
		PrivateFiles.restrictTree(directory);
		return password;
	}

	/** Opens the database once with the generated password; a database still without one gets it. */
	static void upgrade(String url, String user, String password) {
		try (Connection ignored = DriverManager.getConnection(url, user, password)) {
			return;
		}
		catch (SQLException ex) {
			if (!isWrongPassword(ex)) {
				throw new IllegalStateException("Cannot open the embedded database " + basePath(url) + ": "
						+ ex.getMessage(), ex);
			}
		}
		try (Connection connection = DriverManager.getConnection(url, user, "");
				Statement statement = connection.createStatement()) {
			// the password is URL-safe Base64: nothing in it needs escaping
			statement.execute("ALTER USER " + quote(user) + " SET PASSWORD '" + password + "'");
			LOG.info("The embedded database {} had no password; it now uses the generated one in {}", basePath(url),
					passwordFile(url));
		}
		catch (SQLException ex) {
			throw new IllegalStateException("The embedded database " + basePath(url)
					+ " refuses both the generated password (" + passwordFile(url)
					+ ") and an empty one; restore the password file or set PORTAL_DB_PASSWORD", ex);
		}
	}

	private static boolean isWrongPassword(SQLException ex) {
		return "28000".equals(ex.getSQLState()) || ex.getErrorCode() == 28000;
	}

	private static String quote(String user) {
		return '"' + user.toUpperCase(Locale.ROOT).replace("\"", "\"\"") + '"';
	}

	static String loadOrCreatePassword(Path file) {
		if (!Files.exists(file)) {
			byte[] random = new byte[32];
			RANDOM.nextBytes(random);
			String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
			try (OutputStream out = PrivateFiles.newOutputStream(file)) {
				out.write((generated + "\n").getBytes(StandardCharsets.US_ASCII));
			}
			catch (FileAlreadyExistsException raced) {
				// another process created it first: read theirs
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot create the database password file " + file, ex);
			}
		}
		PrivateFiles.restrict(file);
		String password;
		try {
			password = Files.readString(file, StandardCharsets.US_ASCII).strip();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the database password file " + file, ex);
		}
		if (!PASSWORD.matcher(password).matches()) {
			throw new IllegalStateException("The database password file " + file
					+ " does not hold a generated password (43 URL-safe Base64 characters)");
		}
		return password;
	}
}
