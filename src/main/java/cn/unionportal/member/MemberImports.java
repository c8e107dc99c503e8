package cn.unionportal.member;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import cn.unionportal.member.MemberImportJobs.Job;
import cn.unionportal.member.MemberSheetFormat.Column;
import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.shared.NotFoundException;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.stereotype.Service;

/**
 * Excel import of members: the template to fill in, the upload (kept in a private temporary
 * file, checked at once for being a readable .xlsx with the right headers, then imported in the
 * background), the progress of each import and the rows it refused. An import and its rows are
 * visible to the users whose scope contains the uploader's scope organization; to anyone else
 * they answer like missing ones.
 */
@Service
public class MemberImports {

	/** How many of the latest imports the import page lists. */
	public static final int RECENT = 20;

	private static final String XLSX = ".xlsx";

	private static final byte[] ZIP_MAGIC = { 'P', 'K', 3, 4 };

	private static final byte[] OLE2_MAGIC = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0 };

	/** An import as its pages show it. */
	public record ImportJob(long id, String fileName, String uploadedBy, MemberImportStatus status, int totalRows,
			int processedRows, int importedRows, int rejectedRows, String failureKey, LocalDateTime createdAt,
			LocalDateTime finishedAt, Long earlierImportId) {

		/** Share of the rows done, 0 to 100. */
		public int percent() {
			if (status == MemberImportStatus.DONE) {
				return 100;
			}
			return totalRows <= 0 ? 0 : (int) Math.min(100, processedRows * 100L / totalRows);
		}

		public boolean finished() {
			return status.isFinished();
		}
	}

	/** A refused row: its number in the file, why, and who it was about (ID number masked). */
	public record ImportRejection(int rowNumber, String reasonKey, Object[] reasonArguments, String name,
			String idNumberMasked) {
	}

	private final MemberImportJobs jobs;

	private final MemberImportRunner runner;

	private final OrganizationManagement organizations;

	private final MessageSource messages;

	private final Clock clock;

	private final MemberImportTask.Services services;

	MemberImports(MemberImportJobs jobs, MemberImportRunner runner, OrganizationManagement organizations,
			MemberImportTask.Services services, MessageSource messages, Clock clock) {
		this.jobs = jobs;
		this.runner = runner;
		this.organizations = organizations;
		this.messages = messages;
		this.clock = clock;
		this.services = services;
	}

	// ---- template --------------------------------------------------------------------------

	/** The .xlsx template: the data sheet, the organizations of the user's scope, instructions. */
	public byte[] template(CurrentUser user, Locale locale) {
		OrganizationDirectory directory = OrganizationDirectory.of(organizations, user);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			new ImportTemplate(messages, locale).write(directory.activeMemberHomes(), out);
		}
		catch (IOException impossible) {
			throw new UncheckedIOException(impossible);
		}
		return out.toByteArray();
	}

	// ---- starting --------------------------------------------------------------------------

	/**
	 * Stores the upload in a private temporary file, checks that it is an .xlsx with the needed
	 * headers and queues its import. @return the id of the import
	 * @throws RuleViolationException (field {@code file}) when the file cannot be imported
	 */
	public long start(CurrentUser user, String fileName, InputStream content) {
		String name = fileName == null || fileName.isBlank() ? "upload.xlsx" : Path.of(fileName).getFileName().toString();
		if (name.toLowerCase(Locale.ROOT).endsWith(".xls")) {
			throw new RuleViolationException("file", "member.import.error.oldExcel");
		}
		if (!name.toLowerCase(Locale.ROOT).endsWith(XLSX)) {
			throw new RuleViolationException("file", "member.import.error.notXlsx");
		}
		Path file = null;
		try {
			file = runner.newUploadFile();
			String sha256 = copy(content, file);
			StreamingSheetReader.Header header = checkFile(file);
			OrganizationDirectory directory = OrganizationDirectory.of(organizations, user);
			long id = jobs.create(user.username(), user.accountId(), user.organizationId(), shorten(name), sha256,
					runner.node(), runner.claimUntil());
			submit(new MemberImportTask(services, id, user.username(), user.organizationId(), file, header, directory,
					new ImportRowValidator(directory, LocalDate.now(clock))), id);
			return id;
		}
		catch (IOException | RuntimeException failed) {
			deleteQuietly(file);
			if (failed instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new UncheckedIOException((IOException) failed);
		}
	}

	private void submit(MemberImportTask task, long id) {
		try {
			runner.submit(task);
		}
		catch (TaskRejectedException busy) {
			jobs.finish(id, MemberImportStatus.FAILED, 0, "member.import.error.busy");
			throw new RuleViolationException("file", "member.import.error.busy");
		}
	}

	private static String copy(InputStream content, Path file) throws IOException {
		MessageDigest sha256;
		try {
			sha256 = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException(impossible);
		}
		try (InputStream in = new DigestInputStream(content, sha256);
				OutputStream out = Files.newOutputStream(file)) {
			in.transferTo(out);
		}
		return HexFormat.of().formatHex(sha256.digest());
	}

	private static StreamingSheetReader.Header checkFile(Path file) throws IOException {
		if (Files.size(file) == 0) {
			throw new RuleViolationException("file", "member.import.error.empty");
		}
		byte[] start = new byte[4];
		try (InputStream in = Files.newInputStream(file)) {
			int read = in.readNBytes(start, 0, 4);
			if (read == 4 && java.util.Arrays.equals(start, OLE2_MAGIC)) {
				throw new RuleViolationException("file", "member.import.error.oldExcel");
			}
			if (read < 4 || !java.util.Arrays.equals(start, ZIP_MAGIC)) {
				throw new RuleViolationException("file", "member.import.error.notXlsx");
			}
		}
		StreamingSheetReader.Header header;
		try {
			header = StreamingSheetReader.readHeader(file);
		}
		catch (StreamingSheetReader.UnreadableException damaged) {
			throw new RuleViolationException("file", "member.import.error.unreadable");
		}
		List<Column> missing = header.missingRequired();
		if (!missing.isEmpty()) {
			throw new RuleViolationException("file", "member.import.error.headers",
					String.join("、", StreamingSheetReader.headers(missing)));
		}
		return header;
	}

	// ---- reading ---------------------------------------------------------------------------

	public ImportJob job(CurrentUser user, long id) {
		return view(load(user, id));
	}

	/** The latest imports in the user's scope (the user's own and their colleagues'). */
	public List<ImportJob> recent(CurrentUser user) {
		return jobs.recentWithin(user.organizationId(), RECENT).stream().map(this::view).toList();
	}

	/** The import, if the user's scope contains the uploader's scope organization. */
	Job load(CurrentUser user, long id) {
		return jobs.find(id)
			.filter(job -> organizations.scopeOf(user).contains(job.scopeOrganizationId()))
			.orElseThrow(() -> new NotFoundException("member import", id));
	}

	private ImportJob view(Job job) {
		Long earlier = jobs.earlierOfSameFile(job.id(), job.scopeOrganizationId(), job.fileSha256())
			.map(Job::id)
			.orElse(null);
		return new ImportJob(job.id(), job.fileName(), job.uploadedBy(), job.status(), job.totalRows(),
				job.processedRows(), job.importedRows(), job.rejectedRows(), job.failure(), local(job.createdAt()),
				local(job.finishedAt()), earlier);
	}

	private LocalDateTime local(Timestamp time) {
		return time == null ? null : LocalDateTime.ofInstant(time.toInstant(), clock.getZone());
	}

	private static String shorten(String name) {
		return name.length() > 255 ? name.substring(name.length() - 255) : name;
	}

	private static void deleteQuietly(Path file) {
		if (file != null) {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ignored) {
				// the stale upload is removed at the next start
			}
		}
	}
}
