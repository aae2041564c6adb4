package io.goalpost.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The dashboard in a real browser: Debian's Chromium, headless, driven through its chromedriver, against
 * both services with the five seed documents posted as articles. It finds the scorecard's values and the
 * alerts, sees a missed target arrive over the live feed, opens a series with its sources, finds nothing refused by
 * the content security policy, and saves a screenshot to {@code target/dashboard.png}. Skipped where Chromium is not installed.
 */
class DashboardBrowserTests {

	private static final Path CHROMIUM = Path.of(System.getProperty("goalpost.chromium", "/usr/bin/chromium"));

	private static final Path CHROMEDRIVER = Path.of(System.getProperty("goalpost.chromedriver", "/usr/bin/chromedriver"));

	private static final Duration WAIT = Duration.ofSeconds(60);

	private static final String SOURCE_URL = "https://example.org/corpus/seeds/";

	private static final JsonMapper json = new JsonMapper();

	private static RunningGoalpost goalpost;

	private static WebDriver browser;

	private static Path profile;

	@BeforeAll
	static void start() throws IOException {
		assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"Skipped: the dashboard test needs Chromium at " + CHROMIUM + " and chromedriver at " + CHROMEDRIVER
						+ " (Debian: apt-get install chromium chromium-driver; .ci/run installs them)");
		goalpost = new RunningGoalpost();
		profile = Files.createTempDirectory("goalpost-chromium");
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
			// As root in a sandbox, with no network beyond loopback: no sandbox, no GPU, no calls home.
			.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
					"--disable-background-networking", "--disable-component-update", "--disable-sync",
					"--disable-dev-shm-usage", "--window-size=1400,2800", "--user-data-dir=" + profile);
		// The console, where the browser says what the content security policy kept out.
		options.setCapability("goog:loggingPrefs", java.util.Map.of(LogType.BROWSER, "ALL"));
		browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(),
				options);
	}

	@AfterAll
	static void stop() throws IOException {
		if (browser != null) {
			browser.quit();
		}
		if (goalpost != null) {
			goalpost.close();
		}
		if (profile != null) {
			try (Stream<Path> files = Files.walk(profile)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
			}
		}
	}

	@Test
	void showsTheScorecardTheAlertsAMissArrivingLiveAndTheSourcesOfASeries() throws IOException {
		List<String> documents = postSeedDocuments();
		await().atMost(WAIT).until(() -> json.readTree(goalpost.metrics().get("/api/v1/series?region=chongqing&year=2022").body())
			.get("items").size() == 4);

		browser.get(goalpost.metrics().baseUrl() + "/?region=chongqing&year=2022");

		// The 2022 targets of the seed documents, with no actual reported: overdue, and an alert says so.
		WebElement highTech = await().atMost(WAIT).until(() -> row("high_tech_enterprises"), (row) -> row != null);
		assertThat(highTech.findElement(By.cssSelector("td.target")).getText()).isEqualTo("> 5,500 家");
		assertThat(highTech.getText()).contains("高新技术企业", "High-tech enterprises");
		assertThat(highTech.getAttribute("data-status")).isEqualTo("OVERDUE");
		assertThat(browser.findElement(By.cssSelector("#region option:checked")).getText()).startsWith("重庆 Chongqing");
		assertThat(browser.findElement(By.cssSelector("#year option:checked")).getText()).isEqualTo("2022");
		assertThat(row("rd_intensity").findElement(By.cssSelector("td.target")).getText()).isEqualTo("≈ 2.3%");
		onPage().until(() -> alert("ACTUAL_OVERDUE", "2022年高新技术企业") != null);
		assertThat(((JavascriptExecutor) browser).executeScript("return typeof Chart")).isEqualTo("function");
		assertThat(browser.findElements(By.cssSelector("#charts figure[data-indicator=high_tech_enterprises] canvas")))
			.hasSize(1);

		// An actual that misses the target, posted while the page is open: the feed and the scorecard follow.
		HttpResponse<String> posted = goalpost.ingest().postJson("/api/v1/figures", """
				{"region":"chongqing","indicator":"high_tech_enterprises","year":2022,"kind":"actual","value":5108,
				 "status":"preliminary","sentence":"全市高新技术企业达到5108家",
				 "source":{"title":"统计公报","url":"https://example.org/bulletin-2022","publishedAt":"2023-03-17"}}
				""");
		assertThat(posted.statusCode()).isEqualTo(202);
		WebElement missed = onPage().until(() -> alert("TARGET_MISSED", "差 392 家"), (li) -> li != null);
		assertThat(missed.getAttribute("data-state")).isEqualTo("FIRING");
		assertThat(missed.getAttribute("class")).contains("new");
		onPage().until(() -> "MISSED".equals(row("high_tech_enterprises").getAttribute("data-status")));
		onPage().untilAsserted(() -> assertThat(row("high_tech_enterprises").findElement(By.cssSelector("td.shortfall")).getText())
			.isEqualTo("392 家"));

		// The series: every figure with its sentence, linked to the document it came from, but only by a web address.
		assertThat(goalpost.ingest().postJson("/api/v1/figures", """
				{"region":"chongqing","indicator":"high_tech_enterprises","year":2023,"kind":"target","comparator":"gt",
				 "value":7000,"sentence":"链接不是网址","source":{"url":"javascript:alert(1)","publishedAt":"2023-03-01"}}
				""").statusCode()).isEqualTo(202);
		await().atMost(WAIT).until(() -> goalpost.metrics().get("/api/v1/series/chongqing/high_tech_enterprises").body()
			.contains("链接不是网址"));
		onPage().until(() -> {
			row("high_tech_enterprises").click();
			return true;
		});
		await().atMost(WAIT).until(() -> browser.findElement(By.id("series-section")).isDisplayed());
		List<WebElement> links = browser.findElements(By.cssSelector("#series td.sentence a"));
		assertThat(links).extracting((link) -> link.getAttribute("href"))
			.contains("https://example.org/bulletin-2022")
			.anyMatch((href) -> documents.stream().anyMatch((document) -> href.equals(SOURCE_URL + document)));
		assertThat(browser.findElement(By.id("series")).getText()).contains("高新技术企业突破5500家", "全市高新技术企业达到5108家",
				"链接不是网址");
		// Each source by its headline and the day it was published in Beijing, wherever the browser is.
		assertThat(browser.findElement(By.id("series")).getText()).contains("统计公报 · 2023-03-17",
				"(重庆市)重庆市人民政府工作报告(2022年1月17日) · 2022-01-17", "重庆：三方面协同 更大力度推动科技创新 · 2022-01-18");
		assertThat(links).extracting((link) -> link.getAttribute("href")).noneMatch((href) -> href.startsWith("javascript"));

		assertThat(browser.manage().logs().get(LogType.BROWSER).getAll()).extracting(LogEntry::getMessage)
			.as("what the content security policy refused")
			.noneMatch((message) -> message.contains("Content Security Policy"));

		Path screenshot = Path.of("target", "dashboard.png");
		Files.write(screenshot, ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));
		assertThat(Files.size(screenshot)).isGreaterThan(10_000);
	}

	/** Posts each seed document as the article it is, with a link to where it can be read. */
	private static List<String> postSeedDocuments() {
		Path seeds = Path.of(System.getProperty("goalpost.corpus", "../../shared/corpus"), "seeds");
		try (Stream<Path> files = Files.list(seeds)) {
			List<Path> texts = files.filter((file) -> file.toString().endsWith(".txt")).sorted().toList();
			for (Path text : texts) {
				String body = json.writeValueAsString(java.util.Map.of("text", Files.readString(text), "url",
						SOURCE_URL + text.getFileName()));
				HttpResponse<String> response = goalpost.ingest().postJson("/api/v1/documents", body);
				assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
			}
			return texts.stream().map((text) -> text.getFileName().toString()).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Waits on what the page shows. The page draws its scorecard and feed again as changes arrive, so an element
	 * found an instant before may be gone when read: then it is looked for again.
	 */
	private static org.awaitility.core.ConditionFactory onPage() {
		return await().atMost(WAIT).ignoreExceptionsInstanceOf(StaleElementReferenceException.class);
	}

	private static WebElement row(String indicator) {
		return browser.findElements(By.cssSelector("#scorecard tr[data-indicator=" + indicator + "]"))
			.stream()
			.findFirst()
			.orElse(null);
	}

	private static WebElement alert(String kind, String text) {
		return browser.findElements(By.cssSelector("#alerts li[data-kind=" + kind + "]"))
			.stream()
			.filter((li) -> li.getText().contains(text))
			.findFirst()
			.orElse(null);
	}

}
