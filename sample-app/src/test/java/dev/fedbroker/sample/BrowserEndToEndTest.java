package dev.fedbroker.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person's way through the app in a real browser (Debian's headless Chromium, driven by Selenium): home → Sign in
 * → the dev IdP → the portal (what is listed, the "why" details) → Open console → the AWS stand-in → Sign out.
 * The auto-post pages run their script, so this also proves the Content-Security-Policy lets them work.
 *
 * <p>Skips, saying so, only when {@code /usr/bin/chromium} or {@code /usr/bin/chromedriver} is missing
 * ({@code apt-get install -y chromium chromium-driver}; CI's {@code .ci/run} installs them).
 */
class BrowserEndToEndTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private static TestApp app;
    private static WebDriver browser;
    private static Path profile;

    @BeforeAll
    static void start() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Skipping the browser test: " + CHROMIUM + " or " + CHROMEDRIVER + " is missing. Install Debian's"
                        + " packages: apt-get update && apt-get install -y chromium chromium-driver");
        app = TestApp.start();
        profile = Files.createTempDirectory("fedbroker-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // The flags known to work on these machines (no background networking: the network is closed).
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1280,1600");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (app != null) {
            app.close();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void personWhenSigningInAsAliceThenSeesHerAccountsAndOpensTheConsole() throws IOException {
        signedOutHome();
        assertThat(browser.getTitle()).isEqualTo("Home · fedbroker");
        browser.findElement(By.linkText("Sign in")).click();

        waitForTitle("Development identity provider · fedbroker");
        assertThat(headings()).contains("Alice Anders", "Bob Berg", "Carol Castro");
        screenshot("dev-idp.png");
        browser.findElement(By.xpath("//button[normalize-space()='Sign in as Alice Anders']")).click();

        waitForTitle("Your AWS accounts · fedbroker");       // auto-posted to the ACS, then redirected
        assertThat(browser.getCurrentUrl()).isEqualTo(app.base() + "/portal");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Your AWS accounts");
        assertThat(headings()).contains("Root \u203a Workloads \u203a Production", "Root \u203a Platform",
                "Root \u203a Sandbox");
        WebElement prod = browser.findElement(By.cssSelector(
                "tr[data-account='444444444444'][data-permission-set='ReadOnlyAccess']"));
        assertThat(prod.getText()).contains("payments-prod", "ReadOnlyAccess", "8 h");
        assertThat(browser.findElements(By.cssSelector("tr.pair"))).hasSize(7);
        screenshot("portal.png");

        WebElement why = prod.findElement(By.tagName("details"));
        assertThat(why.getText()).doesNotContain("Production Readers");   // closed until asked
        why.findElement(By.tagName("summary")).click();
        assertThat(why.getText()).contains("You are in group \u201cProduction Readers\u201d");

        prod.findElement(By.xpath(".//button[starts-with(normalize-space(), 'Open console')]")).click();

        waitForTitle("AWS sign-in (stand-in) · fedbroker");   // auto-posted to the stand-in
        assertThat(browser.getCurrentUrl()).isEqualTo(app.base() + "/dev/aws-signin");
        assertThat(browser.findElement(By.id("aws-role")).getText())
                .isEqualTo("arn:aws:iam::444444444444:role/fedbroker/ReadOnlyAccess");
        assertThat(browser.findElement(By.id("aws-session-name")).getText()).isEqualTo("alice@contoso.example");
        assertThat(browser.findElement(By.id("aws-duration")).getText()).isEqualTo("8 h");
        screenshot("aws-signin.png");

        browser.findElement(By.xpath("//button[normalize-space()='Sign out']")).click();
        waitForTitle("Home · fedbroker");
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).isEqualTo("You are signed out.");
        browser.get(app.base() + "/portal");
        waitForTitle("Development identity provider · fedbroker");   // not signed in: sent to sign in again
    }

    @Test
    void personWhenSigningInAsCarolThenSeesWhatIsLeftOutAndWhy() {
        signedOutHome();
        browser.get(app.base() + "/saml/login");
        waitForTitle("Development identity provider · fedbroker");
        browser.findElement(By.xpath("//button[normalize-space()='Sign in as Carol Castro']")).click();

        waitForTitle("Your AWS accounts · fedbroker");
        assertThat(browser.findElements(By.cssSelector("tr.pair"))).hasSize(1);
        List<WebElement> leftOut = browser.findElements(By.cssSelector("li.left-out"));
        assertThat(leftOut).hasSize(3).allSatisfy(li -> assertThat(li.getText()).contains("AdministratorAccess",
                "MFA_REQUIRED"));
    }

    /** The home page with no cookies left from another test. */
    private static void signedOutHome() {
        browser.get(app.base() + "/");
        browser.manage().deleteAllCookies();
        browser.get(app.base() + "/");
    }

    private static void waitForTitle(String title) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.titleIs(title));
    }

    private static List<String> headings() {
        return browser.findElements(By.cssSelector("h2")).stream().map(WebElement::getText).toList();
    }

    /** Saved under target/ for a person to look at; not compared. */
    private static void screenshot(String name) throws IOException {
        Path out = Path.of("target", "screenshots");
        Files.createDirectories(out);
        Files.write(out.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
