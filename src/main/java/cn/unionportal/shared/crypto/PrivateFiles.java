package cn.unionportal.shared.crypto;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Files and directories that only the portal's own user may read: directories {@code rwx------}
 * (0700), files {@code rw-------} (0600). The JVM cannot set its umask, so new files are created
 * with these permissions as an attribute of the creation itself (no window in which they are
 * readable by others), and what already exists, or what a library such as H2 created with the
 * default umask, is restricted afterwards with {@link #restrictTree(Path)}. Where the file system
 * has no POSIX permissions, read and write access is restricted to the owner on a best-effort basis.
 */
public final class PrivateFiles {

	static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

	static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");

	private PrivateFiles() {
	}

	/**
	 * Creates the directory and its missing parents as 0700. Directories that already exist are left
	 * as they are (they may be the user's own, such as a home directory); restrict the portal's own
	 * directories with {@link #restrictTree(Path)}.
	 */
	public static Path createDirectories(Path directory) throws IOException {
		Path absolute = directory.toAbsolutePath().normalize();
		if (posix(absolute)) {
			Files.createDirectories(absolute, PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY));
		}
		else {
			Files.createDirectories(absolute);
		}
		return absolute;
	}

	/** Opens a new file (which must not exist yet) for writing, created 0600. */
	public static OutputStream newOutputStream(Path file) throws IOException {
		Set<StandardOpenOption> options = EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
		if (posix(file)) {
			FileAttribute<Set<PosixFilePermission>> ownerOnly = PosixFilePermissions.asFileAttribute(OWNER_FILE);
			return Channels.newOutputStream(Files.newByteChannel(file, options, ownerOnly));
		}
		OutputStream out = Files.newOutputStream(file, options.toArray(StandardOpenOption[]::new));
		ownerOnlyFallback(file, false);
		return out;
	}

	/** Restricts one file (0600) or directory (0700); symbolic links are left alone. */
	public static void restrict(Path path) {
		try {
			if (Files.isSymbolicLink(path) || !Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
				return;
			}
			boolean directory = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
			if (posix(path)) {
				Files.setPosixFilePermissions(path, directory ? OWNER_DIRECTORY : OWNER_FILE);
			}
			else {
				ownerOnlyFallback(path, directory);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot restrict the permissions of " + path, ex);
		}
	}

	/** Restricts a directory and everything below it (files 0600, directories 0700). */
	public static void restrictTree(Path directory) {
		if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
			return;
		}
		List<Path> paths;
		try (Stream<Path> walk = Files.walk(directory)) {
			paths = walk.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list " + directory, ex);
		}
		paths.forEach(PrivateFiles::restrict);
	}

	/** Whether the path's file system has POSIX permissions. */
	static boolean posix(Path path) {
		return path.getFileSystem().supportedFileAttributeViews().contains("posix");
	}

	private static void ownerOnlyFallback(Path path, boolean directory) {
		java.io.File f = path.toFile();
		f.setReadable(false, false);
		f.setWritable(false, false);
		f.setReadable(true, true);
		f.setWritable(true, true);
		if (directory) {
			f.setExecutable(false, false);
			f.setExecutable(true, true);
		}
	}
}
