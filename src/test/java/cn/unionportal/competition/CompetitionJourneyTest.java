package cn.unionportal.competition;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import cn.unionportal.account.AccountManagement;
import cn.unionportal.member.DocumentType;
import cn.unionportal.member.EmploymentType;
import cn.unionportal.member.MemberData;
import cn.unionportal.member.MemberManagement;
import cn.unionportal.member.ResidentIdNumber;
import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.selfservice.SelfServiceManagement;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.shared.security.StaffRole;
import cn.unionportal.support.Browser;
import cn.unionportal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/**
 * Issue 10's journey in headless Chromium (axe-core on every page): the federation creates a
 * municipal class I competition with two trades, staff of 文登 and 环翠 register members, two
 * judges mark (one judge's mark on a contestant of their own union is blocked), the chief judge
 * locks, the ranking shows a tie (1, 2, 2), the results go under notice and are published, the
 * certificate PDF downloads and its text (PDFBox) holds the winner's name and title, and the
 * winner sees the result and downloads the certificate on {@code /me/competitions}.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = "logging.level.org.openqa.selenium=ERROR")
class CompetitionJourneyTest {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		PostgresIntegrationTest.registerDatabase(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	MemberManagement members;

	@Autowired
	OrganizationManagement organizations;

	@Autowired
	AccountManagement accounts;

	@Autowired
	SelfServiceManagement selfService;

	@Autowired
	JdbcTemplate jdbc;

	private Browser browser;

	private ChromeDriver driver;

	private WebDriverWait wait;

	@AfterEach
	void quit() throws IOException {
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void aFinalFromCreationToTheWinnersCertificateOnMe() throws IOException {
		CurrentUser system = CurrentUser.system(organizations.rootId());
		long wendengUnion = unionUnder("文登区总工会");
		long huancuiUnion = unionUnder("环翠区总工会");
		String wendengUnionName = organizations.namesOf(List.of(wendengUnion)).get(wendengUnion);
		String winnerId = idNumber("371081", "19880316", "215");
		long winner = members.register(system, new MemberData("于文博", null, DocumentType.RESIDENT_ID, winnerId, null,
				"13806311234", EmploymentType.ON_THE_JOB, wendengUnion, LocalDate.of(2010, 7, 1)));
		long second = members.register(system, new MemberData("孙海涛", null, DocumentType.RESIDENT_ID,
				idNumber("371002", "19900521", "314"), null, "13806312345", EmploymentType.ON_THE_JOB, huancuiUnion,
				LocalDate.of(2012, 7, 1)));
		long third = members.register(system, new MemberData("曲海燕", null, DocumentType.RESIDENT_ID,
				idNumber("371002", "19920808", "428"), null, "13806313456", EmploymentType.ON_THE_JOB, huancuiUnion,
				LocalDate.of(2014, 7, 1)));
		String card = members.selfView(winner).cardNumber();
		selfService.activate(new SelfServiceManagement.Activation(card, winnerId, "13806311234", "Member-pass-1",
				"Member-pass-1"), "127.0.0.1");
		// judge A works in the winner's union (conflict of interest); judge B is the chief judge
		accounts.createInitialAccount("journey-judge-a", "裁判甲", wendengUnion, Set.of(StaffRole.JUDGE), Browser.PASSWORD, false);
		accounts.createInitialAccount("journey-judge-b", "裁判乙", organizations.rootId(), Set.of(StaffRole.JUDGE),
				Browser.PASSWORD, false);
		String name = "浏览器测试焊工大赛" + System.nanoTime() % 100000;

		browser = Browser.desktop(port);
		driver = browser.driver();
		wait = browser.waiting();
		browser.signIn("admin");
		browser.open("/competitions/new");
		browser.type("name", name);
		new Select(driver.findElement(By.id("tier"))).selectByValue("MUNICIPAL_CLASS_I");
		browser.type("venue", "威海职业学院实训中心");
		browser.submit("main form button[type='submit']");
		long competition = idFromUrl();
		long welding = addTrade(competition, "焊工");
		long fitting = addTrade(competition, "钳工");
		browser.open("/competitions/trades/" + welding);
		aspect("理论考试", "THEORY", "MEASUREMENT");
		aspect("焊缝外观", "PRACTICAL", "JUDGEMENT");
		long theory = jdbc.queryForObject("SELECT id FROM competition_aspect WHERE trade_id = ? AND part = 'THEORY'",
				Long.class, welding);
		long practical = jdbc.queryForObject("SELECT id FROM competition_aspect WHERE trade_id = ? AND part = 'PRACTICAL'",
				Long.class, welding);
		long judgeA = addJudge("裁判甲", wendengUnionName, wendengUnion, "journey-judge-a");
		long judgeB = addJudge("裁判乙", "威海市总工会", organizations.rootId(), "journey-judge-b");
		seat(welding, judgeA, false);
		seat(welding, judgeB, true);
		seat(fitting, judgeB, true);
		browser.open("/competitions/" + competition);
		browser.submit("form[action$='/advance'] button");
		assertThat(browser.text(".alert-success")).isNotEmpty();
		browser.signOut();

		browser.signIn("wendeng");
		register(welding, "于文博", winner);
		browser.signOut();
		browser.signIn("huancui");
		register(welding, "孙海涛", second);
		register(welding, "曲海燕", third);
		browser.open("/competitions/trades/" + welding);
		assertThat(browser.text("#entries")).contains("孙海涛").contains("曲海燕").doesNotContain("于文博");
		browser.signOut();

		browser.signIn("admin");
		browser.open("/competitions/" + competition);
		for (int step = 0; step < 3; step++) { // registration closed, in progress, scoring
			browser.submit("form[action$='/advance'] button");
		}
		assertThat(browser.text(".badge.text-bg-primary")).isEqualTo("评分中");
		browser.signOut();

		long winnerEntry = entryOf(winner);
		long secondEntry = entryOf(second);
		long thirdEntry = entryOf(third);
		browser.signIn("journey-judge-a");
		browser.open("/competitions/judging/trades/" + welding);
		assertThat(browser.text("#sheet")).doesNotContain("于文博").doesNotContain("孙海涛");
		assertThat(browser.text("#row-" + code(winnerEntry))).contains("回避");
		browser.screenshot("competition-journey-sheet");
		// a mark on the conflicted contestant, posted by hand, is refused
		((JavascriptExecutor) driver).executeScript("""
				const f = document.createElement('form'); f.method = 'post'; f.action = arguments[0];
				for (const [k, v] of Object.entries(arguments[1])) {
				  const i = document.createElement('input'); i.type = 'hidden'; i.name = k; i.value = v; f.appendChild(i);
				}
				f.querySelector('[name=_csrf]') || f.appendChild(document.querySelector('input[name=_csrf]').cloneNode());
				document.body.appendChild(f);""",
				"/competitions/judging/trades/" + welding + "/entries/" + winnerEntry,
				java.util.Map.of("version", driver.findElement(By.cssSelector("form[action$='/sign'] input[name='version']"))
					.getAttribute("value"), "mark_" + practical, "99"));
		browser.submitByScript("document.querySelector('body > form:last-of-type').submit();");
		assertThat(browser.text(".alert-danger")).contains("回避");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM competition_mark WHERE entry_id = ?", Long.class, winnerEntry))
			.isZero();
		mark(secondEntry, theory, practical, "80", "80");
		mark(thirdEntry, theory, practical, "80", "80");
		browser.submit("form[action$='/sign'] button");
		browser.signOut();

		browser.signIn("journey-judge-b");
		browser.open("/competitions/judging/trades/" + welding);
		mark(winnerEntry, theory, practical, "90", "90");
		mark(secondEntry, theory, practical, "80", "80");
		mark(thirdEntry, theory, practical, "80", "80");
		browser.submit("form[action$='/sign'] button");
		browser.submit("form[action$='/lock'] button");
		assertThat(browser.text(".alert-success")).isNotEmpty();
		browser.open("/competitions/judging/trades/" + fitting);
		browser.submit("form[action$='/sign'] button");
		browser.submit("form[action$='/lock'] button");
		browser.signOut();

		browser.signIn("admin");
		browser.open("/competitions/trades/" + welding);
		List<String> ranks = driver.findElements(By.cssSelector("#ranking tbody tr td:first-child")).stream()
			.map(WebElement::getText).toList();
		assertThat(ranks).containsExactly("1", "2", "2");
		assertThat(browser.text("#ranking")).contains("于文博").contains("孙海涛").contains("曲海燕");
		((JavascriptExecutor) driver).executeScript("document.getElementById('ranking').scrollIntoView({block: 'center', behavior: 'instant'});");
		browser.screenshot("competition-journey-ranking");
		browser.open("/competitions/" + competition);
		browser.submit("form[action$='/notice'] button");
		assertThat(browser.text(".badge.text-bg-primary")).isEqualTo("结果公示中");
		jdbc.update("UPDATE competition SET notice_ends = ? WHERE id = ?",
				java.sql.Date.valueOf(LocalDate.now(CompetitionFixture.ZONE).minusDays(1)), competition);
		browser.open("/competitions/" + competition);
		browser.submit("form[action$='/publish'] button");
		assertThat(browser.text(".alert-success")).isNotEmpty();
		browser.open("/competitions/trades/" + welding);
		String certificateUrl = driver.findElement(By.cssSelector("#ranking a[href$='/certificate']")).getAttribute("href");
		assertThat(browser.pdfText(certificateUrl)).contains("于文博").contains("威海市金牌职工").contains(name);
		browser.signOut();

		browser.open("/competitions/results/" + competition);
		assertThat(browser.text("#results")).contains("于文博").contains("威海市金牌职工").contains("威海市技术能手")
			.doesNotContain(winnerId).doesNotContain("13806311234");
		String certificate = jdbc.queryForObject("SELECT certificate_code FROM competition_entry WHERE id = ?",
				String.class, winnerEntry);
		browser.open("/verify/" + certificate);
		assertThat(browser.text("main")).contains("于*博").contains("威海市金牌职工").doesNotContain("于文博");

		browser.signIn(card, "Member-pass-1");
		browser.open("/me/competitions");
		assertThat(browser.text("main")).contains(name).contains("焊工").contains("第 1 名").contains("威海市金牌职工");
		browser.screenshot("competition-journey-me");
		WebElement download = driver.findElement(By.cssSelector("main a[href*='/me/competitions/certificates/']"));
		assertThat(browser.pdfText(download.getAttribute("href"))).contains("于文博").contains("威海市技术能手");
		// both titles reach the honour register (delivered asynchronously), both with the certificate
		// that verifies on /verify
		long honours = 0;
		for (int poll = 0; poll < 40 && honours < 2; poll++) {
			honours = jdbc.queryForObject("""
					SELECT COUNT(*) FROM honour h JOIN competition_entry e ON e.certificate_code = h.certificate_code
					WHERE h.member_id = ?""", Long.class, winner);
			if (honours < 2) {
				sleep();
			}
		}
		assertThat(honours).isEqualTo(2);
	}

	private static void sleep() {
		try {
			Thread.sleep(500);
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	private static String idNumber(String area, String birth, String sequence) {
		String body = area + birth + sequence;
		return body + ResidentIdNumber.checkDigit(body);
	}

	/** A grassroots union of the district that already has members. */
	private long unionUnder(String district) {
		return jdbc.queryForObject("""
				SELECT MIN(m.organization_id) FROM member m JOIN organization_closure c ON c.descendant_id = m.organization_id
				JOIN organization o ON o.id = c.ancestor_id WHERE o.name = ? AND c.depth > 0""", Long.class, district);
	}

	private long addTrade(long competition, String trade) {
		browser.open("/competitions/" + competition + "/trades/new");
		browser.type("name", trade);
		browser.submit("main form button[type='submit']");
		return idFromUrl();
	}

	private void aspect(String name, String part, String kind) {
		browser.type("aspectName", name);
		new Select(driver.findElement(By.id("aspectPart"))).selectByValue(part);
		new Select(driver.findElement(By.id("aspectKind"))).selectByValue(kind);
		browser.type("aspectMax", "100");
		browser.type("aspectDescriptors", "0 不合格 … 100 优秀");
		browser.submit("form[action$='/aspects'] button");
	}

	private long addJudge(String name, String organizationName, long organizationId, String account) {
		browser.open("/competitions/judges?org=" + java.net.URLEncoder.encode(organizationName, java.nio.charset.StandardCharsets.UTF_8));
		browser.type("name", name);
		new Select(driver.findElement(By.id("organizationId"))).selectByValue(String.valueOf(organizationId));
		browser.type("qualification", "国家职业技能鉴定高级考评员");
		browser.type("trades", "焊工、钳工");
		browser.type("accountUsername", account);
		browser.submit("form.card button[type='submit']");
		assertThat(browser.text("#judges")).contains(name);
		return jdbc.queryForObject("SELECT id FROM competition_judge WHERE account_username = ?", Long.class, account);
	}

	private void seat(long trade, long judge, boolean chief) {
		browser.open("/competitions/trades/" + trade);
		new Select(driver.findElement(By.id("judgeId"))).selectByValue(String.valueOf(judge));
		if (chief) {
			driver.findElement(By.id("chief")).click();
		}
		browser.submit("form[action$='/panel'] button");
		assertThat(browser.text(".alert-success")).isNotEmpty();
	}

	private void register(long trade, String memberName, long member) {
		browser.open("/competitions/trades/" + trade + "/entries/new?q="
				+ java.net.URLEncoder.encode(memberName, java.nio.charset.StandardCharsets.UTF_8));
		driver.findElement(By.id("m" + member)).click();
		browser.submit("form[action$='/entries'] button[type='submit']");
		assertThat(browser.text(".alert-success")).isNotEmpty();
	}

	private void mark(long entry, long theory, long practical, String theoryMark, String practicalMark) {
		browser.type("mark_" + entry + "_" + theory, theoryMark);
		browser.type("mark_" + entry + "_" + practical, practicalMark);
		browser.submit("#f" + entry + " button");
		assertThat(browser.text(".alert-success")).isNotEmpty();
	}

	private long entryOf(long member) {
		return jdbc.queryForObject("SELECT entry_id FROM competition_entry_member WHERE member_id = ?", Long.class, member);
	}

	private String code(long entry) {
		return jdbc.queryForObject("SELECT contestant_code FROM competition_entry WHERE id = ?", String.class, entry);
	}

	private long idFromUrl() {
		String url = driver.getCurrentUrl();
		assertThat(url).as(() -> driver.findElement(By.tagName("main")).getText()).matches(".*/\\d+$");
		return Long.parseLong(url.substring(url.lastIndexOf('/') + 1).replaceAll("[?#].*", ""));
	}
}
