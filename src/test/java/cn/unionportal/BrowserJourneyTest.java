package cn.unionportal;

import cn.unionportal.support.IdNumbers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import cn.unionportal.support.Browser;
import cn.unionportal.support.PostgresIntegrationTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.unionportal.account.AccountManagement;
import cn.unionportal.member.DocumentType;
import cn.unionportal.member.EmploymentType;
import cn.unionportal.member.MemberData;
import cn.unionportal.member.MemberManagement;
import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.shared.security.CurrentUser;
import java.time.LocalDate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/**
 * Real-browser journeys through the running portal (embedded server on a random port, real
 * PostgreSQL with the Weihai demo data, headless Debian Chromium driven by Selenium). Proves what
 * MockMvc cannot: the login form, the Bootstrap styling, the in-place tree expansion in
 * {@code portal.js}, the language switch and the phone and tablet layouts; axe-core checks every
 * page opened and every step screenshotted for WCAG 2 A/AA violations ({@link cn.unionportal.support.AxeCheck}). Full-page screenshots
 * of every main step land in {@code target/screenshots}; Chinese text in them is only legible with
 * a CJK font installed (e.g. {@code apt-get install -y fonts-wqy-microhei}), the assertions do not
 * depend on it. Without {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} the test fails.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = "logging.level.org.openqa.selenium=ERROR")
class BrowserJourneyTest {

	private static final Path SCREENSHOTS = Browser.SCREENSHOTS;

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

	private Browser browser;

	private ChromeDriver driver;

	private WebDriverWait wait;

	@BeforeAll
	static void browserIsInstalled() throws IOException {
		Browser.requireInstalled();
		Files.createDirectories(SCREENSHOTS);
	}

	@AfterEach
	void quitBrowser() throws IOException {
		if (browser != null) {
			browser.close();
			browser = null;
		}
	}

	// ---- journeys ----------------------------------------------------------------------------

	@Test
	void federationAdministratorBrowsesTheTreeOnADesktop() {
		startBrowser(1280, 900, false);

		browser.open("/login");
		assertBootstrapAndPortalStylesApply();
		browser.screenshot("01-desktop-login");

		browser.fillSignIn("admin", Browser.PASSWORD);
		wait.until(ExpectedConditions.urlToBe(browser.url("/"))); // the home page (issue 12)
		browser.open("/organizations");
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("组织架构");
		WebElement wendeng = treeNode("文登区总工会");
		assertThat(wendeng.isDisplayed()).isTrue();
		browser.screenshot("02-desktop-tree");

		WebElement toggle = wendeng.findElement(By.xpath("./div/button[contains(@class,'tree-toggle')]"));
		assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("false");
		toggle.click();
		By dashuiboInChildren = By.xpath("./div[contains(@class,'org-children')]//a[normalize-space()='大水泊镇工会']");
		wait.until(ExpectedConditions.visibilityOfNestedElementsLocatedBy(wendeng, dashuiboInChildren));
		assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
		assertThat(wendeng.findElements(By.cssSelector(".badge.text-bg-success")))
			.as("active organizations carry no status badge in the tree").isEmpty();
		assertThat(driver.getCurrentUrl()).as("expanding happens in place").isEqualTo(browser.url("/organizations"));
		browser.screenshot("03-desktop-tree-expanded");

		wendeng.findElement(dashuiboInChildren).click();
		wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "大水泊镇工会"));
		assertThat(breadcrumb()).containsSubsequence("威海市总工会", "文登区总工会", "大水泊镇工会");
		assertThat(childLinks()).contains("耕读小镇联合工会");
		assertThat(driver.findElements(By.cssSelector("main table tbody .badge.text-bg-success")))
			.as("active children carry no status badge").isEmpty();
		browser.screenshot("04-desktop-detail");
		assertNoHorizontalOverflow();

		driver.findElement(By.cssSelector("#portal-nav a[lang='en']")).click();
		wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));
		assertThat(driver.findElement(By.cssSelector("main h2")).getText()).startsWith("Child organizations");
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("大水泊镇工会");
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("Township / street union");
		browser.screenshot("05-desktop-detail-english");
		assertNoHorizontalOverflow();

		driver.manage().window().setSize(new Dimension(800, 900));
		wait.until(d -> ((Number) ((JavascriptExecutor) d).executeScript("return window.innerWidth;")).intValue() <= 800);
		assertThat(driver.findElement(By.cssSelector("#portal-nav a[lang='en']")).isDisplayed())
			.as("the navbar is expanded from the md breakpoint on").isTrue();
		browser.screenshot("06-tablet-detail-english");
		assertContentStartsBelowTheNavbar();
		assertNoHorizontalOverflow();
	}

	@Test
	void organizationAdministratorUsesThePortalOnAPhone() {
		startBrowser(390, 844, true);

		browser.open("/login");
		browser.fillSignIn("wendeng", "not-the-password");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".alert-danger")));
		assertThat(driver.getCurrentUrl()).isEqualTo(browser.url("/login?error"));
		assertThat(driver.findElement(By.cssSelector(".alert-danger")).getText()).contains("用户名或密码错误");
		browser.screenshot("11-phone-login-wrong-password");
		assertNoHorizontalOverflow();

		browser.fillSignIn("wendeng", Browser.PASSWORD);
		wait.until(ExpectedConditions.urlToBe(browser.url("/"))); // the home page (issue 12)
		browser.open("/organizations");
		assertThat(driver.findElement(By.cssSelector("main .card")).getText()).contains("文登区总工会");
		assertThat(driver.findElement(By.cssSelector(".navbar-toggler")).isDisplayed())
			.as("the navbar collapses behind its toggler on a phone").isTrue();
		assertThat(driver.findElement(By.cssSelector("#portal-nav a[lang='en']")).isDisplayed()).isFalse();
		browser.screenshot("12-phone-tree");
		assertContentStartsBelowTheNavbar();
		assertNoHorizontalOverflow();

		WebElement dashuibo = treeNode("大水泊镇工会");
		dashuibo.findElement(By.xpath("./div/button[contains(@class,'tree-toggle')]")).click();
		By gengduInChildren = By.xpath("./div[contains(@class,'org-children')]//a[normalize-space()='耕读小镇联合工会']");
		wait.until(ExpectedConditions.visibilityOfNestedElementsLocatedBy(dashuibo, gengduInChildren));
		browser.screenshot("13-phone-tree-expanded");
		assertNoHorizontalOverflow();

		dashuibo.findElement(gengduInChildren).click();
		wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "耕读小镇联合工会"));
		assertThat(breadcrumb()).containsSubsequence("文登区总工会", "大水泊镇工会", "耕读小镇联合工会")
			.doesNotContain("环翠区总工会");
		assertThat(childLinks()).contains("国学文化分会", "乡村规划分会");
		browser.screenshot("14-phone-detail");
		assertContentStartsBelowTheNavbar();
		assertNoHorizontalOverflow();

		driver.findElement(By.cssSelector(".navbar-toggler")).click();
		WebElement english = driver.findElement(By.cssSelector("#portal-nav a[lang='en']"));
		wait.until(ExpectedConditions.elementToBeClickable(english));
		browser.screenshot("15-phone-menu-open");

		english.click();
		wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));
		assertThat(driver.findElement(By.cssSelector("main h2")).getText()).startsWith("Child organizations");
		browser.screenshot("16-phone-detail-english");
		assertContentStartsBelowTheNavbar();
		assertNoHorizontalOverflow();
	}

	/**
	 * Issue 15's print layouts: the membership card and the public notice printed to PDF by
	 * Chromium (DevTools {@code Page.printToPDF}, the page's own {@code @page} size) carry no
	 * navigation and no buttons, but the organization and the print date; the card on an A6 page,
	 * the notice and the statistics report on A4.
	 */
	@Test
	void printedCardAndNoticeShowTheOrganizationAndDateButNoNavigation() throws IOException {
		CurrentUser system = CurrentUser.system(organizations.rootId());
		long union = organizations.search(system, "威海恒科精工", PageRequest.of(0, 1)).getContent().get(0).id();
		String number = IdNumbers.resident("371002", "19700315", "246");
		long memberId = members.register(system, new MemberData("周印卡", null, DocumentType.RESIDENT_ID,
				number, null, null, EmploymentType.ON_THE_JOB, union,
				LocalDate.of(2021, 6, 1)));
		String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
		List<String> navigation = List.of("组织架构", "转会", "操作审计", "修改密码", "退出登录", "English", "返回", "搜索");

		startBrowser(1280, 900, false);
		browser.open("/login");
		browser.fillSignIn("admin", Browser.PASSWORD);
		browser.open("/members/" + memberId + "/card");
		Printed card = printToPdf("31-print-member-card");
		assertThat(card.text()).contains("周印卡", "威海恒科精工", "打印日期 " + today);
		assertThat(navigation).noneMatch(card.text()::contains);
		assertThat(card.pages()).isEqualTo(1);
		// A6: 105 mm × 148 mm = 297.6 pt × 419.5 pt
		assertThat(card.width()).isCloseTo(297.6f, offset(2f));
		assertThat(card.height()).isCloseTo(419.5f, offset(2f));

		browser.open("/notice");
		Printed notice = printToPdf("32-print-public-notice");
		assertThat(notice.text()).contains("威海市总工会 · 打印日期 " + today);
		assertThat(navigation).noneMatch(notice.text()::contains);
		// A4: 210 mm × 297 mm = 595.3 pt × 841.9 pt
		assertThat(notice.width()).isCloseTo(595.3f, offset(2f));
		// on screen the print line is not shown
		assertThat(driver.findElement(By.cssSelector(".portal-print-line")).isDisplayed()).isFalse();

		// the statistics report: A4, the organization and the print date, none of its forms and buttons
		browser.open("/statistics");
		List<String> controls = driver.findElements(By.cssSelector("main button, main .btn")).stream()
			.map(WebElement::getText).filter(text -> !text.isBlank()).toList();
		Printed statistics = printToPdf("35-print-statistics");
		String statisticsText = statistics.text().replaceAll("\\s+", "");
		assertThat(statisticsText).contains("威海市总工会·打印日期" + today);
		assertThat(navigation).noneMatch(statistics.text()::contains);
		assertThat(controls).as("the report has buttons on screen").isNotEmpty();
		assertThat(controls).noneMatch(label -> statisticsText.contains(label.replaceAll("\\s+", "")));
		assertThat(statistics.width()).isCloseTo(595.3f, offset(2f));
	}

	/**
	 * Issue 15's print layouts, second part: a household file printed as its summary (A4, the
	 * organization and the print date, masked values, none of the lifecycle forms or buttons) and
	 * the family's lookup code card (A6, the code and the status page, no navigation).
	 */
	@Test
	void printedHouseholdFileAndCodeCardShowTheirContentButNoControls() throws IOException {
		String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
		List<String> navigation = List.of("组织架构", "转会", "操作审计", "修改密码", "退出登录", "English", "返回", "搜索");

		startBrowser(1280, 900, false);
		browser.open("/login");
		browser.fillSignIn("admin", Browser.PASSWORD);
		browser.open("/aid/files");
		List<String> files = driver.findElements(By.cssSelector("main table a[href^='/aid/files/']")).stream()
			.map(link -> link.getDomAttribute("href")).distinct().toList();
		assertThat(files).as("demo household files").isNotEmpty();
		// a file with a lookup code (filed files have one), to print its code card afterwards
		String fileUrl = null;
		for (String candidate : files) {
			browser.open(candidate);
			if (!driver.findElements(By.cssSelector("main a[href='" + candidate + "/code']")).isEmpty()) {
				fileUrl = candidate;
				break;
			}
		}
		assertThat(fileUrl).as("a demo file with a lookup code").isNotNull();
		String organization = driver.findElement(By.cssSelector(".portal-print-line")).getAttribute("textContent");
		String heading = driver.findElement(By.cssSelector("main h1")).getText();
		List<String> controls = driver.findElements(By.cssSelector("main button, main .btn")).stream()
			.map(WebElement::getText).filter(text -> !text.isBlank()).toList();

		Printed file = printToPdf("33-print-household-file");
		String fileText = file.text().replaceAll("\\s+", "");
		assertThat(fileText).contains(heading.replaceAll("\\s+", ""), organization.replaceAll("\\s+", ""),
				("打印日期" + today));
		assertThat(navigation).noneMatch(file.text()::contains);
		assertThat(controls).as("the page has lifecycle buttons on screen").isNotEmpty();
		assertThat(controls).noneMatch(label -> fileText.contains(label.replaceAll("\\s+", "")));
		// an ID number prints masked, never in clear
		assertThat(file.text()).containsPattern("\\*{6,}").doesNotContainPattern("\\d{17}[\\dX]");
		assertThat(file.width()).isCloseTo(595.3f, offset(2f));

		driver.findElement(By.cssSelector("main a[href='" + fileUrl + "/code']")).click();
		wait.until(ExpectedConditions.urlContains(fileUrl + "/code"));
		String code = driver.findElement(By.cssSelector("main .font-monospace.fs-4")).getText();
		Printed card = printToPdf("34-print-code-card");
		assertThat(card.text().replaceAll("\\s+", "")).contains(code.replaceAll("\\s+", ""), "打印日期" + today);
		assertThat(navigation).noneMatch(card.text()::contains);
		assertThat(card.pages()).isEqualTo(1);
		assertThat(card.width()).isCloseTo(297.6f, offset(2f));
		assertThat(card.height()).isCloseTo(419.5f, offset(2f));
	}

	private record Printed(String text, int pages, float width, float height) {
	}

	/** The current page as Chromium prints it (its CSS page size), as text and first page size. */
	private Printed printToPdf(String name) throws IOException {
		Map<String, Object> pdf = driver.executeCdpCommand("Page.printToPDF",
				Map.of("preferCSSPageSize", true, "printBackground", false));
		byte[] bytes = Base64.getDecoder().decode((String) pdf.get("data"));
		Files.write(SCREENSHOTS.resolve(name + ".pdf"), bytes);
		try (PDDocument document = Loader.loadPDF(bytes)) {
			var size = document.getPage(0).getMediaBox();
			return new Printed(new PDFTextStripper().getText(document), document.getNumberOfPages(),
					size.getWidth(), size.getHeight());
		}
	}

	// ---- browser -----------------------------------------------------------------------------

	/** A fresh headless Chromium of this size ({@link Browser#of}). */
	private void startBrowser(int width, int height, boolean phone) {
		browser = Browser.of(port, width, height, phone);
		driver = browser.driver();
		wait = browser.waiting();
	}

	/**
	 * A fresh headless Chromium with its own profile. A phone emulates the device (viewport of
	 * exactly that size, mobile viewport meta handling, touch, overlay scrollbars).
	 */
	/**
	 * Issue 5's journey: a member (a migrant worker, on a phone) activates the self-service account
	 * with card, ID and mobile numbers, signs in with the card number and sees card, aid and
	 * benefits.
	 */
	@Test
	void memberActivatesAndUsesSelfServiceOnAPhone() {
		CurrentUser system = CurrentUser.system(organizations.rootId());
		long union = organizations.search(system, "威海恒科精工", PageRequest.of(0, 1)).getContent().get(0).id();
		String number = IdNumbers.resident("371002", "19660228", "987");
		String idNumber = number;
		long memberId = members.register(system, new MemberData("孙晓彬", null, DocumentType.RESIDENT_ID, idNumber, null,
				"13612345678", EmploymentType.MIGRANT_WORKER, union, LocalDate.of(2020, 5, 1)));
		String card = members.selfView(memberId).cardNumber();

		startBrowser(390, 844, true);
		browser.open("/login");
		driver.findElement(By.cssSelector("a[href='/me/activate']")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("cardNumber"))).sendKeys(card);
		driver.findElement(By.id("idNumber")).sendKeys(idNumber);
		driver.findElement(By.id("phone")).sendKeys("13612345678");
		driver.findElement(By.id("password")).sendKeys("Member-pass-1");
		driver.findElement(By.id("confirmPassword")).sendKeys("Member-pass-1");
		browser.screenshot("21-phone-activate");
		WebElement form = driver.findElement(By.cssSelector("main form"));
		form.findElement(By.cssSelector("button[type='submit']")).click();
		browser.waitUntilReplaced(form);
		assertThat(driver.getCurrentUrl()).endsWith("/login");
		assertThat(driver.findElement(By.cssSelector(".alert-success")).getText()).contains("开通成功");

		browser.fillSignIn(card, "Member-pass-1");
		wait.until(ExpectedConditions.urlToBe(browser.url("/me")));
		assertThat(driver.findElement(By.cssSelector("main")).getText()).contains(card).contains("孙晓彬")
			.contains("威海恒科精工有限公司工会");
		assertThat(driver.findElement(By.cssSelector(".member-card img")).getAttribute("src")).startsWith("data:image/png");
		assertNoHorizontalOverflow();
		browser.screenshot("22-phone-member-card");

		browser.open("/me/aid");
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("我的帮扶进度");
		assertNoHorizontalOverflow();
		browser.screenshot("23-phone-member-aid");

		browser.open("/me/benefits");
		assertThat(driver.findElements(By.cssSelector(".merchant"))).isNotEmpty();
		assertNoHorizontalOverflow();
		browser.screenshot("24-phone-member-benefits");

		// a member never reaches a staff page
		browser.open("/organizations");
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("无权访问");
	}

	/**
	 * A staff member is signed in and working; an administrator disables the account. The very next
	 * page the staff member opens is the sign-in page saying the session has ended.
	 */
	@Test
	void aSessionEndsWhenAnAdministratorDisablesTheAccount() {
		CurrentUser system = CurrentUser.system(organizations.rootId());
		String username = "browser-" + System.nanoTime() % 1_000_000;
		long id = accounts.createInitialAccount(username, "浏览器测试", organizations.search(system, "环翠区总工会",
				PageRequest.of(0, 1)).getContent().get(0).id(), java.util.Set.of(cn.unionportal.shared.security.StaffRole.STAFF),
				Browser.PASSWORD, false);

		startBrowser(1280, 900, false);
		browser.open("/login");
		browser.fillSignIn(username, Browser.PASSWORD);
		wait.until(ExpectedConditions.urlToBe(browser.url("/"))); // the home page (issue 12)
		browser.open("/members");
		assertThat(driver.getCurrentUrl()).isEqualTo(browser.url("/members"));
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("会员名册");

		accounts.update(system, id, accounts.get(system, id).version(), "浏览器测试", java.util.Set.of(
				cn.unionportal.shared.security.StaffRole.STAFF), false);

		browser.open("/members");
		assertThat(driver.getCurrentUrl()).isEqualTo(browser.url("/login?expired"));
		assertThat(driver.findElement(By.cssSelector(".alert-warning")).getText()).contains("您的登录已失效");
		browser.screenshot("31-session-ended");
		browser.open("/members");
		assertThat(driver.getCurrentUrl()).isEqualTo(browser.url("/login"));
	}

	/** The tree item whose own link (not a descendant's) carries the name. */
	private WebElement treeNode(String name) {
		return wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
				"//li[contains(concat(' ', normalize-space(@class), ' '), ' org-node ')][div/a[normalize-space()='"
						+ name + "']]")));
	}

	private List<String> breadcrumb() {
		return driver.findElements(By.cssSelector("ol.breadcrumb > li.breadcrumb-item"))
			.stream()
			.map(WebElement::getText)
			.map(String::strip)
			.toList();
	}

	private List<String> childLinks() {
		return driver.findElements(By.cssSelector("main table tbody td:first-child a"))
			.stream()
			.map(WebElement::getText)
			.map(String::strip)
			.toList();
	}

	private void assertBootstrapAndPortalStylesApply() {
		assertThat(driver.findElement(By.cssSelector("main form button[type='submit']")).getCssValue("background-color"))
			.as("Bootstrap's .btn-primary colour (is the Bootstrap webjar served?)")
			.isEqualTo("rgba(13, 110, 253, 1)");
		assertThat(driver.findElement(By.cssSelector("nav.portal-navbar")).getCssValue("background-color"))
			.as("the portal's red navbar from /css/portal.css")
			.isEqualTo("rgba(179, 19, 27, 1)");
	}

	private void assertNoHorizontalOverflow() {
		Number overflow = (Number) driver.executeScript(
				"return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
		assertThat(overflow.intValue()).as("page wider than the window on " + driver.getCurrentUrl()).isLessThanOrEqualTo(0);
	}

	private void assertContentStartsBelowTheNavbar() {
		Number gap = (Number) driver.executeScript("""
				return document.querySelector('main').getBoundingClientRect().top
				     - document.querySelector('nav.navbar').getBoundingClientRect().bottom;""");
		assertThat(gap.doubleValue()).as("main content overlaps the navbar").isGreaterThanOrEqualTo(0);
	}

}
