package cn.unionportal.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.support.Browser;
import cn.unionportal.support.PostgresIntegrationTest;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The statistics journey of issue 12 in Chromium: home page queue → statistics → drill-down to a
 * district → chart and table agree → the .xlsx export holds the page's numbers → freeze → publish
 * → the public page on a phone. Every page is checked with axe-core; screenshots in
 * {@code target/screenshots/statistics-*}.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = "logging.level.org.openqa.selenium=ERROR")
class StatisticsJourneyTest {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		PostgresIntegrationTest.registerDatabase(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	StatisticsFreezes freezes;

	@Autowired
	OrganizationManagement organizations;

	private Browser browser;

	private ChromeDriver driver;

	private final int year = LocalDate.now().getYear() - 1;

	@AfterEach
	void cleanUp() throws IOException {
		if (browser != null) {
			browser.close();
		}
		CurrentUser system = CurrentUser.system(organizations.rootId());
		if (freezes.frozenYears().contains(year)) {
			freezes.unfreeze(system, year);
		}
	}

	@Test
	void fromTheHomeQueueToThePublicPage() throws Exception {
		browser = Browser.desktop(port);
		driver = browser.driver();
		browser.signIn("admin");
		new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().equals(browser.url("/")));
		browser.screenshot("statistics-01-home");
		WebElement approvals = driver.findElement(By.xpath("//ul[@id='work-queues']/li[a[@href='/aid/cases/queue']]"));
		assertThat(Integer.parseInt(approvals.findElement(By.cssSelector(".badge")).getText()))
			.as("the demo has cases waiting for the administrator's decision").isPositive();

		browser.open("/statistics?year=" + year);
		browser.screenshot("statistics-02-report");
		click(By.cssSelector("tr[data-figure='members.total'] th a"));
		waitForChart();
		click(By.xpath("//table[@id='breakdown']//a[normalize-space()='文登区总工会']"));
		waitForChart();
		browser.screenshot("statistics-03-district");
		assertThat(driver.findElement(By.tagName("h1")).getText()).contains("文登区总工会");
		List<Double> table = driver.findElements(By.cssSelector("#breakdown tbody td.figure-value"))
			.stream()
			.map(cell -> Double.parseDouble(cell.getText().replace(",", "")))
			.toList();
		@SuppressWarnings("unchecked")
		List<Number> chart = (List<Number>) driver.executeScript("""
				const chart = echarts.getInstanceByDom(document.querySelector('[data-chart-table=breakdown]'));
				return chart.getOption().series[0].data;""");
		assertThat(chart.stream().map(Number::doubleValue).toList()).as("the chart draws the table's numbers")
			.isEqualTo(table);
		double districtTotal = Double.parseDouble(driver.findElement(By.id("breakdown-total")).getText().replace(",", ""));
		assertThat(table.stream().mapToDouble(Double::doubleValue).sum()).isEqualTo(districtTotal);

		String districtUrl = driver.getCurrentUrl();
		String org = URI.create(districtUrl).getQuery().replaceAll(".*org=(\\d+).*", "$1");
		byte[] workbook = download("/statistics/export.xlsx?org=" + org + "&year=" + year);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
			assertThat(book.getSheet("会员").getRow(1).getCell(1).getNumericCellValue())
				.as("the export's members at year end equal the page's district total").isEqualTo(districtTotal);
		}

		browser.open("/statistics?year=" + year);
		click(By.id("freeze-year"));
		new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("publish-link")).isEmpty());
		browser.screenshot("statistics-04-frozen");
		click(By.id("publish-link"));
		click(By.cssSelector("input[value='members.total']"));
		click(By.id("publish-figures"));
		new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.getPageSource().contains("alert-success"));
		browser.close();

		browser = Browser.of(port, 390, 844, true);
		driver = browser.driver();
		browser.open("/achievements?year=" + year);
		browser.screenshot("statistics-05-public-phone");
		assertThat(driver.findElement(By.id("public-figures")).getText()).contains("年末会员数");
		Number overflow = (Number) driver.executeScript(
				"return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
		assertThat(overflow.intValue()).as("the public page fits a phone").isLessThanOrEqualTo(0);

		// the staff pages on the phone too: the report with its charts, and a breakdown
		browser.signIn("admin");
		new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().equals(browser.url("/")));
		browser.open("/statistics?year=" + year);
		waitForChart();
		assertThat(driver.findElement(By.id("as-of")).getText()).startsWith("数据截至");
		browser.screenshot("statistics-06-report-phone");
		browser.open("/statistics/breakdown?figure=members.total&year=" + year);
		waitForChart();
		browser.screenshot("statistics-07-breakdown-phone");
		Number staffOverflow = (Number) driver.executeScript(
				"return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
		assertThat(staffOverflow.intValue()).as("the breakdown fits a phone").isLessThanOrEqualTo(0);
	}

	/** Scrolls the element to the middle of the window first (charts must not cover it), then clicks. */
	private void click(By locator) {
		WebElement element = new WebDriverWait(driver, Duration.ofSeconds(20))
			.until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(locator));
		// a script click: the charts above a link resize while the page settles and may cover the point
		driver.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", element);
	}

	private void waitForChart() {
		new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
				"const e = document.querySelector('[data-chart-table]');"
						+ " return !!(window.echarts && e && echarts.getInstanceByDom(e));"));
	}

	private byte[] download(String path) throws IOException, InterruptedException {
		// the session cookie of Spring Session JDBC (issue 14), or the container's
		org.openqa.selenium.Cookie session = driver.manage().getCookieNamed("SESSION");
		if (session == null) {
			session = driver.manage().getCookieNamed("JSESSIONID");
		}
		HttpResponse<byte[]> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(browser.url(path)))
				.header("Cookie", session.getName() + "=" + session.getValue())
				.build(),
					HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

}
