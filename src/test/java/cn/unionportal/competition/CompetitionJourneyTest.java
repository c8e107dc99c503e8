package cn.unionportal.competition;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

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
import cn.unionportal.support.AxeCheck;
import cn.unionportal.support.PostgresIntegrationTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
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

	private static final String PASSWORD = "portal-demo-2026";

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

	private ChromeDriver driver;

	private WebDriverWait wait;

	private Path profile;

	@AfterEach
	void quit() throws IOException {
		if (driver != null) {
			driver.quit();
		}
		if (profile != null) {
			try (Stream<Path> files = Files.walk(profile)) {
				files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
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
		accounts.createInitialAccount("journey-judge-a", "裁判甲", wendengUnion, Set.of(StaffRole.JUDGE), PASSWORD, false);
		accounts.createInitialAccount("journey-judge-b", "裁判乙", organizations.rootId(), Set.of(StaffRole.JUDGE),
				PASSWORD, false);
		String name = "浏览器测试焊工大赛" + System.nanoTime() % 100000;

		startBrowser();
		signIn("admin");
		open("/competitions/new");
		type("name", name);
		new Select(driver.findElement(By.id("tier"))).selectByValue("MUNICIPAL_CLASS_I");
		type("venue", "威海职业学院实训中心");
		submit("main form button[type='submit']");
		long competition = idFromUrl();
		long welding = addTrade(competition, "焊工");
		long fitting = addTrade(competition, "钳工");
		open("/competitions/trades/" + welding);
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
		open("/competitions/" + competition);
		submit("form[action$='/advance'] button");
		assertThat(text(".alert-success")).isNotEmpty();
		signOut();

		signIn("wendeng");
		register(welding, "于文博", winner);
		signOut();
		signIn("huancui");
		register(welding, "孙海涛", second);
		register(welding, "曲海燕", third);
		open("/competitions/trades/" + welding);
		assertThat(text("#entries")).contains("孙海涛").contains("曲海燕").doesNotContain("于文博");
		signOut();

		signIn("admin");
		open("/competitions/" + competition);
		for (int step = 0; step < 3; step++) { // registration closed, in progress, scoring
			submit("form[action$='/advance'] button");
		}
		assertThat(text(".badge.text-bg-primary")).isEqualTo("评分中");
		signOut();

		long winnerEntry = entryOf(winner);
		long secondEntry = entryOf(second);
		long thirdEntry = entryOf(third);
		signIn("journey-judge-a");
		open("/competitions/judging/trades/" + welding);
		assertThat(text("#sheet")).doesNotContain("于文博").doesNotContain("孙海涛");
		assertThat(text("#row-" + code(winnerEntry))).contains("回避");
		screenshot("competition-journey-sheet");
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
		submit("", true);
		assertThat(text(".alert-danger")).contains("回避");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM competition_mark WHERE entry_id = ?", Long.class, winnerEntry))
			.isZero();
		mark(secondEntry, theory, practical, "80", "80");
		mark(thirdEntry, theory, practical, "80", "80");
		submit("form[action$='/sign'] button");
		signOut();

		signIn("journey-judge-b");
		open("/competitions/judging/trades/" + welding);
		mark(winnerEntry, theory, practical, "90", "90");
		mark(secondEntry, theory, practical, "80", "80");
		mark(thirdEntry, theory, practical, "80", "80");
		submit("form[action$='/sign'] button");
		submit("form[action$='/lock'] button");
		assertThat(text(".alert-success")).isNotEmpty();
		open("/competitions/judging/trades/" + fitting);
		submit("form[action$='/sign'] button");
		submit("form[action$='/lock'] button");
		signOut();

		signIn("admin");
		open("/competitions/trades/" + welding);
		List<String> ranks = driver.findElements(By.cssSelector("#ranking tbody tr td:first-child")).stream()
			.map(WebElement::getText).toList();
		assertThat(ranks).containsExactly("1", "2", "2");
		assertThat(text("#ranking")).contains("于文博").contains("孙海涛").contains("曲海燕");
		((JavascriptExecutor) driver).executeScript("document.getElementById('ranking').scrollIntoView({block: 'center', behavior: 'instant'});");
		screenshot("competition-journey-ranking");
		open("/competitions/" + competition);
		submit("form[action$='/notice'] button");
		assertThat(text(".badge.text-bg-primary")).isEqualTo("结果公示中");
		jdbc.update("UPDATE competition SET notice_ends = ? WHERE id = ?",
				java.sql.Date.valueOf(LocalDate.now(CompetitionFixture.ZONE).minusDays(1)), competition);
		open("/competitions/" + competition);
		submit("form[action$='/publish'] button");
		assertThat(text(".alert-success")).isNotEmpty();
		open("/competitions/trades/" + welding);
		String certificateUrl = driver.findElement(By.cssSelector("#ranking a[href$='/certificate']")).getAttribute("href");
		assertThat(pdfText(certificateUrl)).contains("于文博").contains("威海市金牌职工").contains(name);
		signOut();

		open("/competitions/results/" + competition);
		assertThat(text("#results")).contains("于文博").contains("威海市金牌职工").contains("威海市技术能手")
			.doesNotContain(winnerId).doesNotContain("13806311234");
		String certificate = jdbc.queryForObject("SELECT certificate_code FROM competition_entry WHERE id = ?",
				String.class, winnerEntry);
		open("/verify/" + certificate);
		assertThat(text("main")).contains("于*博").contains("威海市金牌职工").doesNotContain("于文博");

		signIn(card, "Member-pass-1");
		open("/me/competitions");
		assertThat(text("main")).contains(name).contains("焊工").contains("第 1 名").contains("威海市金牌职工");
		screenshot("competition-journey-me");
		WebElement download = driver.findElement(By.cssSelector("main a[href*='/me/competitions/certificates/']"));
		assertThat(pdfText(download.getAttribute("href"))).contains("于文博").contains("威海市技术能手");
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
		open("/competitions/" + competition + "/trades/new");
		type("name", trade);
		submit("main form button[type='submit']");
		return idFromUrl();
	}

	private void aspect(String name, String part, String kind) {
		type("aspectName", name);
		new Select(driver.findElement(By.id("aspectPart"))).selectByValue(part);
		new Select(driver.findElement(By.id("aspectKind"))).selectByValue(kind);
		type("aspectMax", "100");
		type("aspectDescriptors", "0 不合格 … 100 优秀");
		submit("form[action$='/aspects'] button");
	}

	private long addJudge(String name, String organizationName, long organizationId, String account) {
		open("/competitions/judges?org=" + java.net.URLEncoder.encode(organizationName, java.nio.charset.StandardCharsets.UTF_8));
		type("name", name);
		new Select(driver.findElement(By.id("organizationId"))).selectByValue(String.valueOf(organizationId));
		type("qualification", "国家职业技能鉴定高级考评员");
		type("trades", "焊工、钳工");
		type("accountUsername", account);
		submit("form.card button[type='submit']");
		assertThat(text("#judges")).contains(name);
		return jdbc.queryForObject("SELECT id FROM competition_judge WHERE account_username = ?", Long.class, account);
	}

	private void seat(long trade, long judge, boolean chief) {
		open("/competitions/trades/" + trade);
		new Select(driver.findElement(By.id("judgeId"))).selectByValue(String.valueOf(judge));
		if (chief) {
			driver.findElement(By.id("chief")).click();
		}
		submit("form[action$='/panel'] button");
		assertThat(text(".alert-success")).isNotEmpty();
	}

	private void register(long trade, String memberName, long member) {
		open("/competitions/trades/" + trade + "/entries/new?q="
				+ java.net.URLEncoder.encode(memberName, java.nio.charset.StandardCharsets.UTF_8));
		driver.findElement(By.id("m" + member)).click();
		submit("form[action$='/entries'] button[type='submit']");
		assertThat(text(".alert-success")).isNotEmpty();
	}

	private void mark(long entry, long theory, long practical, String theoryMark, String practicalMark) {
		type("mark_" + entry + "_" + theory, theoryMark);
		type("mark_" + entry + "_" + practical, practicalMark);
		submit("#f" + entry + " button");
		assertThat(text(".alert-success")).isNotEmpty();
	}

	private long entryOf(long member) {
		return jdbc.queryForObject("SELECT entry_id FROM competition_entry_member WHERE member_id = ?", Long.class, member);
	}

	private String code(long entry) {
		return jdbc.queryForObject("SELECT contestant_code FROM competition_entry WHERE id = ?", String.class, entry);
	}

	/** Downloads a PDF in the signed-in browser session and extracts its text with PDFBox. */
	private String pdfText(String url) throws IOException {
		String base64 = (String) driver.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch(arguments[0]).then(r => r.ok && r.headers.get('Content-Type').startsWith('application/pdf')
				    ? r.arrayBuffer() : Promise.reject(r.status))
				  .then(b => { let s = ''; const a = new Uint8Array(b);
				    for (let i = 0; i < a.length; i++) { s += String.fromCharCode(a[i]); } done(btoa(s)); })
				  .catch(e => done('ERROR ' + e));""", url);
		assertThat(base64).doesNotStartWith("ERROR");
		try (PDDocument pdf = Loader.loadPDF(Base64.getDecoder().decode(base64))) {
			return new PDFTextStripper().getText(pdf);
		}
	}

	private long idFromUrl() {
		String url = driver.getCurrentUrl();
		assertThat(url).as(() -> driver.findElement(By.tagName("main")).getText()).matches(".*/\\d+$");
		return Long.parseLong(url.substring(url.lastIndexOf('/') + 1).replaceAll("[?#].*", ""));
	}

	private void type(String id, String value) {
		WebElement field = driver.findElement(By.id(id));
		field.clear();
		field.sendKeys(value);
	}

	private void screenshot(String name) throws IOException {
		Path target = Path.of("target", name + ".png");
		Files.createDirectories(target.getParent());
		Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
	}

	private void startBrowser() throws IOException {
		profile = Files.createTempDirectory("competition-chromium-");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(new File("/usr/bin/chromium").getPath());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1280,900", "--user-data-dir=" + profile);
		driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
			.usingAnyFreePort().build(), options);
		driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
		wait = new WebDriverWait(driver, Duration.ofSeconds(20));
	}

	private void open(String path) {
		driver.get("http://localhost:" + port + path);
		wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
		AxeCheck.assertAccessible(driver);
	}

	private String text(String css) {
		return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css))).getText();
	}

	private void submit(String css) {
		submit(css, false);
	}

	/** Clicks a submit button (or submits a form built by script) and waits for the next page. */
	private void submit(String css, boolean scripted) {
		WebElement html = driver.findElement(By.tagName("html"));
		if (scripted) {
			((JavascriptExecutor) driver).executeScript("document.querySelector('body > form:last-of-type').submit();");
		}
		else {
			WebElement button = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
			((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", button);
			try {
				wait.until(ExpectedConditions.elementToBeClickable(button)).click();
			}
			catch (org.openqa.selenium.ElementClickInterceptedException moved) {
				((JavascriptExecutor) driver).executeScript(
						"arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", button);
			}
		}
		wait.until(d -> gone(html));
		wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
		AxeCheck.assertAccessible(driver);
	}

	/** Whether the old page's element is gone (Chromium may say so with a stale reference or an inspector error). */
	private static boolean gone(WebElement element) {
		try {
			element.isEnabled();
			return false;
		}
		catch (org.openqa.selenium.WebDriverException replaced) {
			return true;
		}
	}

	private void signIn(String username) {
		signIn(username, PASSWORD);
	}

	private void signIn(String username, String password) {
		open("/login");
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(password);
		submit("main form button[type='submit']");
	}

	private void signOut() {
		submit("form[action='/logout'] button");
	}
}
