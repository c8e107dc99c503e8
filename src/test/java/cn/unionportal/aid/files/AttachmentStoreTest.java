package cn.unionportal.aid.files;

import cn.unionportal.support.IdNumbers;
import cn.unionportal.aid.files.AttachmentNames;
import cn.unionportal.aid.files.AttachmentStore;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import cn.unionportal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Evidence attachments: types recognised by content, size limit, empty files, storage under the
 * configured directory with random keys, encrypted (0600 files in a 0700 directory; clear files of
 * earlier versions encrypted in place), downloads only within scope, deletion by administrators,
 * and every upload, download and deletion in the audit trail.
 */
@Transactional
class AttachmentStoreTest extends PostgresIntegrationTest {

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R' };

	static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F' };

	static final byte[] PDF = "%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);

	static final byte[] EXE = { 'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF };

	private static final AtomicLong SEQUENCE = new AtomicLong(700);

	@Autowired
	AttachmentStore store;

	@Autowired
	AttachmentFiles disk;

	long wendengUnion;

	long huancuiUnion;

	final List<Long> files = new ArrayList<>();

	@BeforeEach
	void lookUp() {
		wendengUnion = demo.org("大明国际控股有限公司威海分公司工会");
		huancuiUnion = demo.org("威海恒科精工有限公司工会");
	}

	/** The rows roll back with the test; the bytes written meanwhile are removed here. */
	@AfterEach
	void removeStoredBytes() throws Exception {
		for (Long file : files) {
			for (String key : jdbc.queryForList("SELECT storage_key FROM hardship_attachment WHERE file_id = ?",
					String.class, file)) {
				Files.deleteIfExists(disk.pathOf(key));
			}
		}
	}

	long file(long organization, String user) throws Exception {
		long n = SEQUENCE.incrementAndGet();
		String number = IdNumbers.resident("371002", 1975, n);
		String name = "材料" + n;
		mvc.perform(post("/members").param("name", name)
			.param("documentType", "RESIDENT_ID")
			.param("idNumber", number)
			.param("employmentType", "ON_THE_JOB")
			.param("organizationId", String.valueOf(organization))
			.param("joinDate", "2018-05-01")
			.with(csrf())
			.with(demo.as(user))).andExpect(status().is3xxRedirection());
		long member = jdbc.queryForObject("SELECT id FROM member WHERE name = ?", Long.class, name);
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.update("""
				INSERT INTO hardship_file (member_id, organization_id, status, tier, causes, household_size,
				    applied_by, applied_at, open_member_id, created_at, updated_at)
				VALUES (?, ?, 'HOME_VISIT', 'RELATIVE', 'ILLNESS', 2, ?, ?, ?, ?, ?)
				""", member, organization, user, now, member, now, now);
		long id = jdbc.queryForObject("SELECT id FROM hardship_file WHERE member_id = ?", Long.class, member);
		files.add(id);
		return id;
	}

	RequestBuilder upload(long file, String name, byte[] content, String user) {
		return multipart("/aid/files/{id}/attachments", file)
			.file(new MockMultipartFile("file", name, "application/pdf", content))
			.with(csrf())
			.with(demo.as(user));
	}

	long count(long file) {
		return jdbc.queryForObject("SELECT COUNT(*) FROM hardship_attachment WHERE file_id = ?", Long.class, file);
	}

	long audits(long file, String action) {
		return jdbc.queryForObject(
				"SELECT COUNT(*) FROM audit_event WHERE subject_type = 'HARDSHIP_FILE' AND subject_id = ? AND action = ?",
				Long.class, file, action);
	}

	@Test
	void aPngNamedPdfIsStoredAsPngUnderARandomKeyInTheConfiguredDirectory() throws Exception {
		long file = file(wendengUnion, "wendeng");
		mvc.perform(upload(file, "..\\..\\收入证明.pdf", PNG, "wendeng"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flashSuccess", "aid.attachment.uploaded"));

		var row = jdbc.queryForMap("SELECT * FROM hardship_attachment WHERE file_id = ?", file);
		assertThat(row.get("content_type")).isEqualTo("image/png");
		assertThat(row.get("original_name")).isEqualTo("收入证明.pdf");
		assertThat(row.get("size_bytes")).isEqualTo((long) PNG.length);
		assertThat(row.get("sha256")).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PNG)));
		String key = (String) row.get("storage_key");
		assertThat(key).matches("[0-9a-f]{32}");

		Path stored = disk.pathOf(key);
		Path configured = Path.of("./data/attachments").toAbsolutePath().normalize();
		assertThat(stored.getParent()).isEqualTo(configured);
		assertThat(stored.toString()).doesNotContain("收入证明").doesNotContain("static").doesNotContain("classes");
		assertThat(stored.startsWith(Path.of("src").toAbsolutePath())).isFalse();
		assertThat(stored.startsWith(Path.of("target").toAbsolutePath())).isFalse();
		assertThat(Files.readAllBytes(stored)).as("stored encrypted, not the clear bytes").isNotEqualTo(PNG)
			.startsWith(0x00, 'U', 'P', 'F', 'E', 'N', 'C', 0x01);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stored))).isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(disk.directory()))).isEqualTo("rwx------");
		assertThat(audits(file, "ATTACHMENT_UPLOADED")).isEqualTo(1);

		String list = mvc.perform(get("/aid/files/{id}/attachments", file).with(demo.as("wendeng")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(list).contains("收入证明.pdf", "PNG 图片");

		long attachment = (Long) row.get("id");
		MockHttpServletResponse download = mvc
			.perform(get("/aid/files/{f}/attachments/{a}", file, attachment).with(demo.as("admin")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(download.getContentType()).isEqualTo("image/png");
		assertThat(download.getHeader("Content-Disposition")).startsWith("attachment;").contains(".pdf.png");
		assertThat(download.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(download.getContentAsByteArray()).isEqualTo(PNG);
		assertThat(jdbc.queryForList("SELECT actor FROM audit_event WHERE subject_id = ? AND action = 'ATTACHMENT_DOWNLOADED'",
				String.class, file)).containsExactly("admin");
	}

	@Test
	void aLargeFileIsEncryptedInSegmentsAndDownloadsUnchanged() throws Exception {
		long file = file(wendengUnion, "wendeng");
		byte[] scan = new byte[3 * 64 * 1024 + 1234];
		new java.util.Random(7).nextBytes(scan);
		System.arraycopy(PDF, 0, scan, 0, PDF.length);
		mvc.perform(upload(file, "扫描件.pdf", scan, "wendeng")).andExpect(flash().attribute("flashSuccess", "aid.attachment.uploaded"));
		var row = jdbc.queryForMap("SELECT id, storage_key, size_bytes FROM hardship_attachment WHERE file_id = ?", file);
		assertThat(row.get("size_bytes")).isEqualTo((long) scan.length);
		assertThat(Files.size(disk.pathOf((String) row.get("storage_key")))).isGreaterThan(scan.length);

		MockHttpServletResponse download = mvc
			.perform(get("/aid/files/{f}/attachments/{a}", file, row.get("id")).with(demo.as("wendeng")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(download.getContentLength()).isEqualTo(scan.length);
		assertThat(download.getContentAsByteArray()).isEqualTo(scan);
	}

	/** Files stored in clear by earlier versions are encrypted in place at start, once. */
	@Test
	void aClearFileFromBeforeIsEncryptedInPlaceAndStillDownloads() throws Exception {
		long file = file(wendengUnion, "wendeng");
		String key = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(("old" + file).getBytes()));
		Path old = disk.pathOf(key);
		Files.createDirectories(old.getParent());
		Files.write(old, PDF);
		Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-r--r--"));
		jdbc.update("""
				INSERT INTO hardship_attachment (file_id, original_name, content_type, size_bytes, storage_key, sha256,
				                                 uploaded_by, uploaded_at)
				VALUES (?, '旧证明.pdf', 'application/pdf', ?, ?, ?, 'wendeng', CURRENT_TIMESTAMP)
				""", file, PDF.length, key, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PDF)));
		long attachment = jdbc.queryForObject("SELECT id FROM hardship_attachment WHERE storage_key = ?", Long.class, key);

		assertThat(disk.encryptClearFiles()).isGreaterThanOrEqualTo(1);
		byte[] encrypted = Files.readAllBytes(old);
		assertThat(encrypted).isNotEqualTo(PDF).startsWith(0x00, 'U', 'P', 'F', 'E', 'N', 'C', 0x01);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(old))).isEqualTo("rw-------");
		assertThat(disk.encryptClearFiles()).as("already encrypted files are recognised").isZero();
		assertThat(Files.readAllBytes(old)).isEqualTo(encrypted);
		try (var leftovers = Files.list(disk.directory())) {
			assertThat(leftovers.filter(p -> p.toString().endsWith(".enc"))).isEmpty();
		}

		MockHttpServletResponse download = mvc
			.perform(get("/aid/files/{f}/attachments/{a}", file, attachment).with(demo.as("wendeng")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(download.getContentAsByteArray()).isEqualTo(PDF);
	}

	@Test
	void pdfAndJpegAreRecognisedByTheirContent() throws Exception {
		long file = file(wendengUnion, "wendeng");
		mvc.perform(upload(file, "诊断书", PDF, "wendeng")).andExpect(status().is3xxRedirection());
		mvc.perform(upload(file, "photo.png", JPEG, "wendeng")).andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForList("SELECT content_type FROM hardship_attachment WHERE file_id = ? ORDER BY id",
				String.class, file)).containsExactly("application/pdf", "image/jpeg");
	}

	@Test
	void anExecutableRenamedPdfAnEmptyFileAndAnOversizedFileAreRefused() throws Exception {
		long file = file(wendengUnion, "wendeng");
		mvc.perform(upload(file, "证明.pdf", EXE, "wendeng"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flashError", "aid.attachment.error.type"));
		mvc.perform(upload(file, "空.pdf", new byte[0], "wendeng"))
			.andExpect(flash().attribute("flashError", "aid.attachment.error.empty"));
		byte[] large = Arrays.copyOf(PDF, (int) store.maxBytes() + 1);
		mvc.perform(upload(file, "扫描件.pdf", large, "wendeng"))
			.andExpect(flash().attribute("flashError", "aid.attachment.error.tooLarge"));
		byte[] exactly = Arrays.copyOf(PDF, (int) store.maxBytes());
		mvc.perform(upload(file, "刚好.pdf", exactly, "wendeng"))
			.andExpect(flash().attribute("flashSuccess", "aid.attachment.uploaded"));
		assertThat(count(file)).isEqualTo(1);
		assertThat(audits(file, "ATTACHMENT_UPLOADED")).isEqualTo(1);
		try (var leftovers = Files.list(disk.directory())) {
			assertThat(leftovers.filter(p -> p.toString().endsWith(".part"))).isEmpty();
		}

		String page = mvc.perform(get("/aid/files/{id}/attachments", file).flashAttr("flashError", "aid.attachment.error.tooLarge")
			.flashAttr("flashArguments", new Object[] { "10 MB" })
			.with(demo.as("wendeng"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("文件太大，单个文件不能超过 10 MB");
	}

	@Test
	void outsideTheScopeEverythingAnswersLikeAMissingFile() throws Exception {
		long file = file(wendengUnion, "wendeng");
		mvc.perform(upload(file, "a.png", PNG, "wendeng")).andExpect(status().is3xxRedirection());
		long attachment = jdbc.queryForObject("SELECT id FROM hardship_attachment WHERE file_id = ?", Long.class, file);

		mvc.perform(get("/aid/files/{id}/attachments", file).with(demo.as("huancui"))).andExpect(status().isNotFound());
		mvc.perform(get("/aid/files/{f}/attachments/{a}", file, attachment).with(demo.as("huancui")))
			.andExpect(status().isNotFound());
		mvc.perform(upload(file, "b.png", PNG, "huancui")).andExpect(status().isNotFound());
		mvc.perform(post("/aid/files/{f}/attachments/{a}/delete", file, attachment).with(csrf()).with(demo.as("huancui")))
			.andExpect(status().isNotFound());
		long other = file(huancuiUnion, "huancui");
		mvc.perform(get("/aid/files/{f}/attachments/{a}", other, attachment).with(demo.as("admin")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/aid/files/{f}/attachments/{a}", file, attachment)).andExpect(status().is3xxRedirection());
		assertThat(count(file)).isEqualTo(1);
		assertThat(audits(file, "ATTACHMENT_DOWNLOADED")).isZero();
	}

	@Test
	void onlyAdministratorsDeleteAndTheDeletionIsAudited() throws Exception {
		long file = file(huancuiUnion, "huancui");
		mvc.perform(upload(file, "a.jpg", JPEG, "huancui")).andExpect(status().is3xxRedirection());
		long attachment = jdbc.queryForObject("SELECT id FROM hardship_attachment WHERE file_id = ?", Long.class, file);
		mvc.perform(post("/aid/files/{f}/attachments/{a}/delete", file, attachment).with(csrf()).with(demo.as("huancui")))
			.andExpect(status().isForbidden());
		assertThat(count(file)).isEqualTo(1);
		mvc.perform(post("/aid/files/{f}/attachments/{a}/delete", file, attachment).with(csrf()).with(demo.as("admin")))
			.andExpect(status().is3xxRedirection());
		assertThat(count(file)).isZero();
		assertThat(audits(file, "ATTACHMENT_DELETED")).isEqualTo(1);
		assertThat(jdbc.queryForObject("SELECT organization_id FROM audit_event WHERE subject_id = ? AND action = 'ATTACHMENT_DELETED'",
				Long.class, file)).isEqualTo(huancuiUnion);
	}

	@Test
	void namesAreCleanedOfPathsControlCharactersAndDirectionOverrides() {
		assertThat(AttachmentNames.sanitize("C:\\Users\\王\\证明.pdf")).isEqualTo("证明.pdf");
		assertThat(AttachmentNames.sanitize("../../etc/passwd")).isEqualTo("passwd");
		assertThat(AttachmentNames.sanitize("invoice\u202Egnp.exe")).isEqualTo("invoicegnp.exe");
		assertThat(AttachmentNames.sanitize("a\r\nb<>.pdf")).isEqualTo("ab.pdf");
		assertThat(AttachmentNames.sanitize("..")).isEqualTo("attachment");
		assertThat(AttachmentNames.sanitize(null)).isEqualTo("attachment");
		assertThat(AttachmentNames.sanitize("长".repeat(300) + ".pdf")).hasSize(255).endsWith(".pdf");
	}
}
