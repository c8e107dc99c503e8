package cn.unionportal.member;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.audit.AuditTrail;
import cn.unionportal.shared.crypto.PersonalDataCipher;
import cn.unionportal.shared.masking.Masking;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.support.PostgresIntegrationTest;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static cn.unionportal.member.ImportFiles.row;
import static cn.unionportal.member.ImportFiles.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The Excel import end to end: upload through the page, background import, the exact rejection
 * report, idempotent re-uploads, whole batches or nothing, and scope. Demo accounts: wendeng
 * (organization administrator, 文登区总工会), huancui (staff, 环翠区总工会).
 */
class MemberImportTest extends PostgresIntegrationTest {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	static final Duration TIMEOUT = Duration.ofSeconds(60);

	static final String WENDENG_UNION = "大明国际控股有限公司威海分公司工会";

	static final String HUANCUI_UNION = "威海恒科精工有限公司工会";

	@Autowired
	MemberImports imports;

	@Autowired
	MemberImportReports reports;

	@Autowired
	MemberManagement members;

	@Autowired
	PersonalData personalData;

	@Autowired
	UserDetailsService users;

	@Autowired
	MessageSource messages;

	@Autowired
	MemberImportJobs jobs;

	@Autowired
	MemberBatchWriter writer;

	@Autowired
	OrganizationManagement organizations;

	@Autowired
	JdbcClient jdbcClient;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	AuditTrail audit;

	@Autowired
	Clock clock;

	CurrentUser wendeng;

	long wendengUnion;

	@BeforeEach
	void lookUp() {
		wendeng = ImportTestSupport.user(users, "wendeng");
		wendengUnion = demo.org(WENDENG_UNION);
	}

	@Test
	void importsGoodRowsAndReportsEveryBadRowWithItsNumberAndReason() throws Exception {
		String good1 = uniqueId(Gender.MALE);
		String good2 = uniqueId(Gender.FEMALE);
		String good3 = uniqueId(Gender.MALE);
		String permit = uniqueId("810000", Gender.FEMALE);
		String registered = uniqueId(Gender.MALE);
		long existing = members.register(wendeng, new MemberData("已在册", null, DocumentType.RESIDENT_ID, registered, null,
				null, EmploymentType.ON_THE_JOB, wendengUnion, null));
		String existingCard = members.get(wendeng, existing).cardNumber();
		String badChecksum = uniqueId(Gender.MALE);
		badChecksum = badChecksum.substring(0, 17) + (badChecksum.charAt(17) == '1' ? "2" : "1");
		List<List<Object>> rows = List.of(
				row("甲一", null, null, good1, null, "13800138000", "在岗职工", WENDENG_UNION, "2024-03-01"),
				row("甲二", null, "居民身份证", good2, null, null, "农民工", String.valueOf(wendengUnion), null),
				row("甲三", null, null, badChecksum, null, null, "在岗职工", WENDENG_UNION, null),
				row("甲四", null, null, uniqueId(Gender.MALE), null, "1380013800", "在岗职工", WENDENG_UNION, null),
				row("甲五", null, null, uniqueId(Gender.MALE), null, null, "在岗职工", HUANCUI_UNION, null),
				row("甲六", null, null, uniqueId(Gender.MALE), null, null, "在岗职工", "不存在的工会", null),
				row("甲七", null, null, good1, null, null, "在岗职工", WENDENG_UNION, null),
				row("甲八", null, null, registered, null, null, "在岗职工", WENDENG_UNION, null),
				row(null, null, null, uniqueId(Gender.MALE), null, null, "在岗职工", WENDENG_UNION, null),
				row("甲十", null, null, uniqueId(Gender.MALE), null, null, "在岗职工", WENDENG_UNION, "2024-13-45"),
				row("甲十一", "男", null, good3, LocalDate.parse(good3.substring(6, 14),
						java.time.format.DateTimeFormatter.BASIC_ISO_DATE), null, "劳务派遣", WENDENG_UNION,
						LocalDate.of(2023, 6, 30)),
				row("甲十二", null, "港澳居民居住证", permit, null, "139 0000 0000", "高层次人才", WENDENG_UNION, null));
		byte[] file = ImportFiles.xlsx(rows);

		long id = upload("wendeng", "会员.xlsx", file);
		MemberImports.ImportJob job = ImportTestSupport.awaitFinished(imports, wendeng, id, TIMEOUT);

		assertThat(job.status()).isEqualTo(MemberImportStatus.DONE);
		assertThat(job.totalRows()).isEqualTo(12);
		assertThat(job.processedRows()).isEqualTo(12);
		assertThat(job.importedRows()).isEqualTo(4);
		assertThat(job.rejectedRows()).isEqualTo(8);
		List<MemberImports.ImportRejection> rejected = reports.rejections(wendeng, id, PageRequest.of(0, 50)).getContent();
		assertThat(rejected).extracting(MemberImports.ImportRejection::rowNumber).containsExactly(4, 5, 6, 7, 8, 9, 10, 11);
		assertThat(rejected).extracting(MemberImports.ImportRejection::reasonKey)
			.containsExactly("member.error.idNumber.CHECK_DIGIT", "member.error.phone",
					"member.import.reason.organizationUnknown", "member.import.reason.organizationUnknown",
					"member.import.reason.duplicateInFile", "member.import.reason.registeredInScope",
					"member.import.reason.required", "member.import.reason.date");
		assertThat(rejected.get(2).reasonArguments()).containsExactly(HUANCUI_UNION);
		assertThat(rejected.get(4).reasonArguments()).containsExactly("2");
		assertThat(rejected.get(5).reasonArguments()).containsExactly(WENDENG_UNION, existingCard);
		assertThat(rejected.get(6).reasonArguments()).containsExactly("姓名");
		assertThat(rejected.get(7).reasonArguments()).containsExactly("入会日期", "2024-13-45");
		assertThat(rejected.get(0).name()).isEqualTo("甲三");
		assertThat(rejected.get(0).idNumberMasked()).isEqualTo(Masking.idNumber(badChecksum));

		for (String idNumber : List.of(good1, good2, good3, permit)) {
			var found = members.search(wendeng, new MemberQuery(idNumber, null, null, null, null), PageRequest.of(0, 5));
			assertThat(found.getContent()).as(idNumber).singleElement().satisfies(m -> {
				assertThat(m.idNumberMasked()).isEqualTo(Masking.idNumber(idNumber));
				assertThat(CardNumbers.isValid(m.cardNumber())).isTrue();
				assertThat(m.organizationId()).isEqualTo(wendengUnion);
				assertThat(m.status()).isEqualTo(MemberStatus.ACTIVE);
			});
		}
		var first = members.search(wendeng, new MemberQuery(good1, null, null, null, null), PageRequest.of(0, 1))
			.getContent()
			.get(0);
		assertThat(first.joinDate()).isEqualTo(LocalDate.of(2024, 3, 1));
		// the card carries its issue year, not the join year
		assertThat(first.cardNumber())
			.startsWith("WH" + (LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear() % 100));
		assertThat(first.phoneMasked()).isEqualTo("138****8000");
		var permitHolder = members.get(wendeng,
				members.search(wendeng, new MemberQuery(permit, null, null, null, null), PageRequest.of(0, 1))
					.getContent()
					.get(0)
					.id());
		assertThat(permitHolder.documentType()).isEqualTo(DocumentType.HK_MACAO_RESIDENCE_PERMIT);
		assertThat(permitHolder.gender()).isEqualTo(Gender.FEMALE);

		assertRejectionReport(id, rejected);
		assertThat(jdbc.queryForObject(
				"SELECT details FROM audit_event WHERE action = 'IMPORT' AND subject_type = 'MEMBER_IMPORT' AND subject_id = ?",
				String.class, id)).contains("imported=4").contains("rejected=8");
		String page = mvc.perform(get("/members/import/{id}", id).with(demo.as("wendeng")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("已完成").contains("与第 2 行是同一人").doesNotContain("http-equiv=\"refresh\"");

		long again = upload("wendeng", "会员.xlsx", file);
		MemberImports.ImportJob repeat = ImportTestSupport.awaitFinished(imports, wendeng, again, TIMEOUT);
		assertThat(repeat.importedRows()).isZero();
		assertThat(repeat.rejectedRows()).isEqualTo(12);
		assertThat(repeat.earlierImportId()).isEqualTo(id);
		List<MemberImports.ImportRejection> second = reports.rejections(wendeng, again, PageRequest.of(0, 50)).getContent();
		assertThat(second).filteredOn(r -> List.of(2, 3, 9, 12, 13).contains(r.rowNumber()))
			.extracting(MemberImports.ImportRejection::reasonKey)
			.containsOnly("member.import.reason.registeredInScope");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM member WHERE id_number_hash = ?", Long.class,
				personalData.lookupHash(good1))).isEqualTo(1);
	}

	private void assertRejectionReport(long id, List<MemberImports.ImportRejection> rejected) throws Exception {
		MvcResult result = mvc.perform(get("/members/import/{id}/rejections.xlsx", id).with(demo.as("wendeng")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", XLSX))
			.andReturn();
		try (XSSFWorkbook report = ImportFiles.parse(result.getResponse().getContentAsByteArray())) {
			Sheet sheet = report.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isEqualTo(rejected.size());
			for (int i = 0; i < rejected.size(); i++) {
				MemberImports.ImportRejection r = rejected.get(i);
				assertThat((int) sheet.getRow(i + 1).getCell(0).getNumericCellValue()).isEqualTo(r.rowNumber());
				assertThat(sheet.getRow(i + 1).getCell(1).getStringCellValue())
					.isEqualTo(messages.getMessage(r.reasonKey(), r.reasonArguments(), Locale.SIMPLIFIED_CHINESE));
			}
			assertThat(sheet.getRow(1).getCell(2 + MemberSheetFormat.Column.ID_NUMBER.ordinal()).getStringCellValue())
				.matches("\\*{16}[0-9X]{2}");
		}
	}

	@Test
	void aBatchIsWrittenWholeOrNotAtAll() throws Exception {
		String a = uniqueId(Gender.MALE);
		String b = uniqueId(Gender.FEMALE);
		String c = uniqueId(Gender.MALE);
		Path file = Files.createTempFile("batch", ".xlsx");
		Files.write(file, ImportFiles.xlsx(List.of(row("乙一", null, null, a, null, null, "在岗职工", WENDENG_UNION, null),
				row("乙二", null, null, b, null, null, "在岗职工", WENDENG_UNION, null),
				row("乙三", null, null, c, null, null, "在岗职工", WENDENG_UNION, null))));
		MemberBatchWriter failingAfterWriting = new MemberBatchWriter(jdbcClient, jdbc, personalData, clock) {
			@Override
			public List<String> insert(List<Row> rows) {
				List<String> cards = super.insert(rows);
				throw new IllegalStateException("the database went away after writing " + cards.size() + " rows");
			}
		};
		long id = runDirectly(file, failingAfterWriting);
		assertThat(jobs.find(id).orElseThrow().status()).isEqualTo(MemberImportStatus.FAILED);
		assertThat(jobs.find(id).orElseThrow().failure()).isEqualTo("member.import.failure.unexpected");
		for (String idNumber : List.of(a, b, c)) {
			assertThat(countActive(idNumber)).as("nothing of the failed batch stays").isZero();
		}
	}

	@Test
	void aConcurrentRegistrationRollsTheBatchBackAndItsOtherRowsAreWrittenOneByOne() throws Exception {
		String a = uniqueId(Gender.MALE);
		String b = uniqueId(Gender.FEMALE);
		String c = uniqueId(Gender.MALE);
		Path file = Files.createTempFile("concurrent", ".xlsx");
		Files.write(file, ImportFiles.xlsx(List.of(row("丙一", null, null, a, null, null, "在岗职工", WENDENG_UNION, null),
				row("丙二", null, null, b, null, null, "在岗职工", WENDENG_UNION, null),
				row("丙三", null, null, c, null, null, "在岗职工", WENDENG_UNION, null))));
		TransactionTemplate separately = new TransactionTemplate(transactionManager);
		separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		boolean[] registered = { false };
		MemberBatchWriter racing = new MemberBatchWriter(jdbcClient, jdbc, personalData, clock) {
			@Override
			public List<String> insert(List<Row> rows) {
				if (!registered[0]) {
					registered[0] = true;
					separately.executeWithoutResult(tx -> members.register(wendeng, new MemberData("丙二", null,
							DocumentType.RESIDENT_ID, b, null, null, EmploymentType.ON_THE_JOB, wendengUnion, null)));
				}
				return super.insert(rows);
			}
		};
		long id = runDirectly(file, racing);
		MemberImportJobs.Job job = jobs.find(id).orElseThrow();
		assertThat(job.status()).isEqualTo(MemberImportStatus.DONE);
		assertThat(job.importedRows()).isEqualTo(2);
		assertThat(job.rejectedRows()).isEqualTo(1);
		assertThat(jobs.rejections(id, 10, 0)).singleElement().satisfies(r -> {
			assertThat(r.rowNumber()).isEqualTo(3);
			assertThat(r.reasonKey()).isEqualTo("member.import.reason.registeredMeanwhile");
		});
		assertThat(countActive(a)).isEqualTo(1);
		assertThat(countActive(b)).isEqualTo(1);
		assertThat(countActive(c)).isEqualTo(1);
	}

	@Test
	void aDuplicateDeepInALargeCopyFailsTheWholeBatchAndTheConnectionStaysUsable() {
		List<MemberBatchWriter.Row> rows = new ArrayList<>();
		for (int i = 0; i < 1500; i++) {
			rows.add(new MemberBatchWriter.Row("戊" + i, Gender.FEMALE, DocumentType.RESIDENT_ID, uniqueId(Gender.FEMALE),
					LocalDate.of(1990, 1, 1), null, EmploymentType.ON_THE_JOB, wendengUnion, LocalDate.of(2020, 5, 1)));
		}
		List<MemberBatchWriter.Row> repeating = new ArrayList<>(rows);
		repeating.set(1400, rows.get(10));
		TransactionTemplate transaction = new TransactionTemplate(transactionManager);
		// the member rows alone are far longer than one chunk of the streamed COPY
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> transaction.executeWithoutResult(tx -> {
				writer.commitAsynchronously();
				writer.insert(repeating);
			}))
			.isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
		assertThat(countActive(rows.get(10).idNumber())).as("nothing of the failed batch stays").isZero();

		List<String> cards = transaction.execute(tx -> {
			writer.commitAsynchronously();
			return writer.insert(rows);
		});
		assertThat(cards).hasSize(1500).doesNotHaveDuplicates();
		assertThat(countActive(rows.get(1499).idNumber())).isEqualTo(1);
		assertThat(jdbc.queryForObject("""
				SELECT COUNT(DISTINCT p.member_id) FROM member_pinyin p JOIN member m ON m.id = p.member_id
				WHERE m.card_number IN (?, ?)""", Long.class, cards.get(0), cards.get(1499))).isEqualTo(2);
	}

	/** Runs an import on this thread with the given writer (to fail or race on purpose). */
	private long runDirectly(Path file, MemberBatchWriter batchWriter) throws Exception {
		long id = jobs.create(wendeng.username(), wendeng.accountId(), wendeng.organizationId(), file.getFileName().toString(),
				"0".repeat(64), "test-node", java.time.Instant.now().plusSeconds(3600));
		OrganizationDirectory directory = OrganizationDirectory.of(organizations, wendeng);
		MemberImportTask.Services services = new MemberImportTask.Services(jobs, batchWriter, jdbcClient,
				new TransactionTemplate(transactionManager), cipher, audit, new NodeStopping());
		new MemberImportTask(services, id, wendeng.username(), wendeng.organizationId(), file,
				StreamingSheetReader.readHeader(file), directory, new ImportRowValidator(directory, LocalDate.now(clock)))
			.run();
		assertThat(file).doesNotExist();
		return id;
	}

	private long countActive(String idNumber) {
		return jdbc.queryForObject("SELECT COUNT(*) FROM member WHERE active_id_hash = ?", Long.class,
				personalData.lookupHash(idNumber));
	}

	@Test
	void importsAreVisibleOnlyWithinTheScopeOfTheUploader() throws Exception {
		String hengke = uniqueId(Gender.MALE);
		byte[] file = ImportFiles.xlsx(List.of(row("丁一", null, null, hengke, null, null, "在岗职工", HUANCUI_UNION, null),
				row("丁二", null, null, uniqueId(Gender.MALE), null, null, "在岗职工", WENDENG_UNION, null)));
		long id = upload("huancui", "huancui.xlsx", file);
		CurrentUser huancui = ImportTestSupport.user(users, "huancui");
		MemberImports.ImportJob job = ImportTestSupport.awaitFinished(imports, huancui, id, TIMEOUT);
		assertThat(job.importedRows()).isEqualTo(1);
		assertThat(reports.rejections(huancui, id, PageRequest.of(0, 5)).getContent()).singleElement()
			.satisfies(r -> assertThat(r.reasonKey()).isEqualTo("member.import.reason.organizationUnknown"));

		mvc.perform(get("/members/import/{id}", id).with(demo.as("wendeng"))).andExpect(status().isNotFound());
		mvc.perform(get("/members/import/{id}/rejections.xlsx", id).with(demo.as("wendeng")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/members/import/{id}", id).with(demo.as("admin"))).andExpect(status().isOk());
		String list = mvc.perform(get("/members/import").with(demo.as("wendeng")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(list).doesNotContain("huancui.xlsx");
		assertThat(mvc.perform(get("/members/import").with(demo.as("huancui"))).andReturn().getResponse()
			.getContentAsString()).contains("huancui.xlsx");

		String registeredElsewhere = uniqueId(Gender.FEMALE);
		long other = upload("wendeng", "again.xlsx",
				ImportFiles.xlsx(List.of(row("丁三", null, null, hengke, null, null, "在岗职工", WENDENG_UNION, null),
						row("丁四", null, null, registeredElsewhere, null, null, "在岗职工", WENDENG_UNION, null))));
		ImportTestSupport.awaitFinished(imports, wendeng, other, TIMEOUT);
		assertThat(reports.rejections(wendeng, other, PageRequest.of(0, 5)).getContent()).singleElement().satisfies(r -> {
			assertThat(r.reasonKey()).isEqualTo("member.import.reason.registeredElsewhere");
			assertThat(r.reasonArguments()).isEmpty();
		});
	}

	@Test
	void aRunningImportRefreshesItsPage() throws Exception {
		long id = jobs.create(wendeng.username(), wendeng.accountId(), wendeng.organizationId(), "running.xlsx",
				"1".repeat(64), "test-node", java.time.Instant.now().plusSeconds(3600));
		jobs.start(id, 1000);
		jobs.progress(id, 250, 200, 50);
		String page = mvc.perform(get("/members/import/{id}", id).with(demo.as("wendeng")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("http-equiv=\"refresh\"").contains("value=\"25\"").contains("导入中");
		jobs.finish(id, MemberImportStatus.FAILED, 250, MemberImportRunner.INTERRUPTED);
	}

	@Test
	void unusableUploadsGoBackToThePageWithAMessage() throws Exception {
		assertRefused("members.xlsx", new byte[0], "member.import.error.empty");
		assertRefused("members.csv", "姓名,证件号码".getBytes(), "member.import.error.notXlsx");
		assertRefused("members.xls", new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0 },
				"member.import.error.oldExcel");
		assertRefused("members.xlsx", "not really a workbook".getBytes(), "member.import.error.notXlsx");
		byte[] good = ImportFiles.xlsx(List.of());
		assertRefused("members.xlsx", java.util.Arrays.copyOf(good, good.length - 100), "member.import.error.unreadable");
		assertRefused("members.xlsx", ImportFiles.xlsx(List.of("名字", "证件号码"), List.of()), "member.import.error.headers");
	}

	private void assertRefused(String name, byte[] content, String key) throws Exception {
		mvc.perform(multipart("/members/import").file(new MockMultipartFile("file", name, XLSX, content))
			.with(csrf())
			.with(demo.as("wendeng")))
			.andExpect(redirectedUrl("/members/import"))
			.andExpect(flash().attribute("flashError", key));
	}

	@Test
	void theTemplateListsTheMemberHomesOfTheScope() throws Exception {
		MvcResult result = mvc.perform(get("/members/import/template.xlsx").with(demo.as("wendeng")))
			.andExpect(status().isOk())
			.andReturn();
		try (XSSFWorkbook template = ImportFiles.parse(result.getResponse().getContentAsByteArray())) {
			assertThat(template.getSheetName(0)).isEqualTo("会员信息");
			assertThat(template.getSheetName(1)).isEqualTo("组织列表");
			assertThat(template.getSheetName(2)).isEqualTo("填写说明");
			List<String> headers = new ArrayList<>();
			template.getSheetAt(0).getRow(0).forEach(cell -> headers.add(cell.getStringCellValue()));
			assertThat(headers).isEqualTo(ImportFiles.HEADERS);
			List<String> organizationNames = new ArrayList<>();
			template.getSheetAt(1).forEach(row -> organizationNames.add(row.getCell(1).getStringCellValue()));
			assertThat(organizationNames).contains(WENDENG_UNION).doesNotContain(HUANCUI_UNION, "大水泊镇工会");
			assertThat(template.getSheetAt(1).getRow(1).getCell(0).getStringCellValue()).matches("\\d+");
		}
		Path file = Files.createTempFile("template", ".xlsx");
		Files.write(file, result.getResponse().getContentAsByteArray());
		assertThat(StreamingSheetReader.readHeader(file).missingRequired()).isEmpty();
		Files.delete(file);
	}

	@Test
	void importPageListsRecentImports() throws Exception {
		mvc.perform(get("/members/import").with(demo.as("huancui"))).andExpect(status().isOk());
	}

	private long upload(String username, String name, byte[] content) throws Exception {
		String location = mvc
			.perform(multipart("/members/import").file(new MockMultipartFile("file", name, XLSX, content))
				.with(csrf())
				.with(demo.as(username)))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).matches("/members/import/\\d+");
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

}
