package cn.unionportal.award;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/**
 * Issue 11's journey in headless Chromium (axe-core on every page): a grassroots union nominates
 * a member aged over 60, the district approves within its quota, the panel votes, the candidate
 * appears on the public notice, an objection is lodged and dismissed, the owner confers, the
 * certificate verifies on {@code /verify/{code}}, the member's {@code /me} shows the honour and
 * the health check, and the allowance roster lists the member.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = "logging.level.org.openqa.selenium=ERROR")
class AwardJourneyTest {

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
	CampaignManagement campaigns;

	@Autowired
	HonourCatalogue catalogue;

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
	void aUnionNominatesAndTheHonourEndsOnTheMembersPage() throws IOException {
		CurrentUser system = CurrentUser.system(organizations.rootId());
		long union = org(system, "威海文登区鑫源机械有限公司工会");
		long district = org(system, "文登区总工会");
		String body = "371003" + "19630512" + "417";
		String idNumber = body + ResidentIdNumber.checkDigit(body);
		long member = members.register(system, new MemberData("林海峰", null, DocumentType.RESIDENT_ID, idNumber, null,
				"13712345678", EmploymentType.ON_THE_JOB, union, LocalDate.of(2001, 3, 1)));
		String card = members.selfView(member).cardNumber();
		selfService.activate(new SelfServiceManagement.Activation(card, idNumber, "13712345678", "Member-pass-1",
				"Member-pass-1"), "127.0.0.1");
		accounts.createInitialAccount("xinyuan-clerk", "鑫源工会", union, Set.of(StaffRole.STAFF), Browser.PASSWORD, false);
		accounts.createInitialAccount("wendeng-clerk", "文登区审核", district, Set.of(StaffRole.STAFF), Browser.PASSWORD, false);
		accounts.createInitialAccount("panel-member", "评审委员", organizations.rootId(), Set.of(StaffRole.STAFF), Browser.PASSWORD,
				false);
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		// next year's campaign: the journey commits, and AwardFlowTest opens this year's (in its rolled-back transactions)
		long campaign = campaigns.open(system, new CampaignData(catalogue.byCode("WEIHAI_MODEL_WORKER").orElseThrow().id(),
				today.getYear() + 1, "浏览器测试劳模评选", 14, today.plusDays(10), today.plusDays(20), 3));
		Path deeds = Files.createTempFile("deeds", ".pdf");
		Files.write(deeds, AwardFlowTest.PDF);

		browser = Browser.desktop(port);
		driver = browser.driver();
		wait = browser.waiting();
		browser.signIn("xinyuan-clerk");
		browser.open("/awards/campaigns/" + campaign + "/nominations/new");
		driver.findElement(By.id("cardNumber")).sendKeys(card);
		driver.findElement(By.id("deeds")).sendKeys("三十年坚守一线，完成数控机床改造二十余项。");
		driver.findElement(By.id("unitDecision")).sendKeys("职代会决议 2026-5 号");
		driver.findElement(By.id("unitPosting")).sendKeys("厂区公示 5 天无异议");
		browser.submit("main form button[type='submit']");
		assertThat(driver.getCurrentUrl()).contains("/awards/nominations/");
		String nominationUrl = browser.path();
		driver.findElement(By.id("file")).sendKeys(deeds.toAbsolutePath().toString());
		browser.submit("form[action$='/files'] button[type='submit']");
		browser.submit("form[action$='/submit'] button[type='submit']");
		assertThat(browser.text("#nomination-status")).isEqualTo("已报送");
		browser.signOut();

		browser.signIn("wendeng-clerk");
		browser.open(nominationUrl);
		browser.submit("button[name='decision'][value='APPROVE']");
		assertThat(browser.text("#nomination-status")).isEqualTo("区级通过");
		browser.signOut();

		browser.signIn("admin");
		browser.open("/awards/campaigns/" + campaign);
		assertThat(browser.text("#figures")).contains("文登区总工会");
		browser.submit("form[action$='/advance'] button");
		browser.submit("form[action$='/advance'] button");
		browser.open(nominationUrl);
		browser.submit("button[name='inFavour'][value='true']");
		browser.signOut();
		browser.signIn("panel-member");
		browser.open(nominationUrl);
		browser.submit("button[name='inFavour'][value='true']");
		browser.signOut();
		browser.signIn("admin");
		browser.open("/awards/campaigns/" + campaign);
		browser.submit("form[action$='/notice'] button");
		browser.signOut();

		browser.open("/honours/notice");
		assertThat(browser.text("main")).contains("林海峰").contains("威海文登区鑫源机械有限公司工会").doesNotContain(idNumber);
		WebElement objection = driver.findElement(By.xpath("//h2[text()='林海峰']/ancestor::div[contains(@class,'card-body')]"));
		((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", objection);
		objection.findElement(By.tagName("summary")).click();
		objection.findElement(By.name("content")).sendKeys("希望核实其工作年限。");
		WebElement form = objection.findElement(By.tagName("form"));
		WebElement send = form.findElement(By.cssSelector("button[type='submit']"));
		((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", send);
		send.click();
		wait.until(ExpectedConditions.stalenessOf(form));
		assertThat(browser.text(".alert-success")).contains("异议已收到");

		browser.signIn("admin");
		browser.open("/awards/campaigns/" + campaign);
		driver.findElement(By.cssSelector("input[name='resolution']")).sendKeys("经核实，工作年限属实");
		browser.submit("button[name='upheld'][value='false']");
		jdbc.update("UPDATE award_campaign SET notice_from = ?, notice_until = ? WHERE id = ?",
				java.sql.Date.valueOf(today.minusDays(4)), java.sql.Date.valueOf(today.minusDays(1)), campaign);
		browser.open("/awards/campaigns/" + campaign);
		driver.findElement(By.id("decisionNumber")).sendKeys("威工发〔2026〕30号");
		browser.submit("form[action$='/confer'] button");
		assertThat(browser.text(".alert-success")).contains("已授予");
		String code = jdbc.queryForObject("SELECT certificate_code FROM honour WHERE member_id = ?", String.class, member);

		browser.open("/verify/" + code);
		assertThat(browser.text("main")).contains("威海市劳动模范").contains("林*峰");

		YearMonth now = YearMonth.from(today);
		browser.open("/awards/roster?from=" + now.withMonth(1) + "&to=" + now);
		assertThat(browser.text("#roster")).contains("林海峰").contains("威海市劳动模范");
		browser.signOut();

		browser.signIn(card, "Member-pass-1");
		browser.open("/me/honours");
		assertThat(browser.text("main")).contains("威海市劳动模范");
		assertThat(driver.findElements(By.cssSelector("main a[href$='/certificate.pdf']"))).hasSize(1);
		browser.open("/me/benefits");
		assertThat(browser.text("main")).contains("健康体检");
	}

	private long org(CurrentUser system, String name) {
		return organizations.search(system, name, PageRequest.of(0, 1)).getContent().get(0).id();
	}
}
