package org.mailautoconf.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.dd.plist.NSDictionary;
import com.dd.plist.PropertyListParser;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mailautoconf.ServiceConfig;
import org.mailautoconf.testing.Registries;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The setup page in a real browser: Debian's headless Chromium, driven through its
 * chromedriver, against the real server on a free loopback port. Without the browser this
 * test fails (it never skips): {@code .ci/install-browser} installs it.
 */
@ExtendWith(VertxExtension.class)
class SetupPageBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    static Path profileDir;

    static HttpService service;
    static String base;
    static ChromeDriverService driverService;
    static WebDriver browser;

    @BeforeAll
    static void start(Vertx vertx) throws Exception {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("%s and %s are needed: run .ci/install-browser (apt-get install chromium chromium-driver)", CHROMIUM, CHROMEDRIVER)
                .isTrue();
        service = new HttpService(vertx, ServiceConfig.defaults().withPort(0).withProvidersDir(Registries.SHIPPED));
        base = "http://127.0.0.1:" + service.start().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);

        driverService = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profileDir.toAbsolutePath());
        // The browser says it prefers Italian, as an Italian phone would.
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "it-IT,it"));
        browser = new ChromeDriver(driverService, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (driverService != null) {
            driverService.stop();
        }
        if (service != null) {
            service.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private static void lookUp(String address) {
        browser.get(base + "/");
        WebElement input = browser.findElement(By.id("emailaddress"));
        input.clear();
        input.sendKeys(address);
        browser.findElement(By.cssSelector("#lookup button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("result")));
    }

    @Test
    void typeAddressAndSubmit_showsSettingsAndAWorkingProfileLink() throws Exception {
        lookUp("mario.rossi@polito.it");

        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("it");
        List<String> rows = browser.findElements(By.cssSelector("#settings tbody tr")).stream().map(WebElement::getText).toList();
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0)).contains("IMAP", "mail.polito.it", "993", "SSL/TLS", "mario.rossi@polito.it");
        assertThat(rows.get(2)).contains("SMTP", "465");
        WebElement link = browser.findElement(By.id("profile-link"));
        assertThat(link.getText()).isEqualTo("Scarica il profilo di configurazione");
        String href = link.getDomProperty("href");
        assertThat(href).isEqualTo(base + "/mobileconfig?emailaddress=mario.rossi%40polito.it");

        HttpResponse<byte[]> profile = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(href)).timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(profile.statusCode()).isEqualTo(200);
        assertThat(profile.headers().firstValue("Content-Type")).hasValue("application/x-apple-aspen-config");
        NSDictionary plist = (NSDictionary) PropertyListParser.parse(profile.body());
        assertThat(plist.get("PayloadType").toJavaObject()).isEqualTo("Configuration");
    }

    @Test
    void halnetAddress_showsTheHintForTheSmtpLogin() {
        lookUp("mario.rossi@hln.it");

        WebElement smtp = browser.findElements(By.cssSelector("#settings tbody tr")).get(2);
        assertThat(smtp.getText()).contains("smtp.hln.it", "587", "STARTTLS", "fornito da Halnet");
        assertThat(browser.findElement(By.id("ca-note")).getText()).contains("http://www.hln.it/file/cacert.crt");
    }

    @Test
    void timPecAddress_showsTheSecondaryPasswordStep() {
        lookUp("mario.rossi@pec.telecomitalia.it");

        assertThat(browser.findElement(By.id("enable")).getText()).contains("password secondaria");
        assertThat(browser.findElement(By.cssSelector("#enable a")).getDomProperty("href")).startsWith("https://devicepassword.pectim.it");
    }

    @Test
    void unknownDomain_saysSoAndKeepsTheTypedAddress() {
        lookUp("mario@unknown.example");

        assertThat(browser.findElement(By.id("result")).getText()).contains("unknown.example");
        assertThat(browser.findElement(By.id("emailaddress")).getDomProperty("value")).isEqualTo("mario@unknown.example");
    }
}
