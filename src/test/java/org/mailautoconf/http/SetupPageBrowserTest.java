package org.mailautoconf.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.dd.plist.NSDictionary;
import com.dd.plist.PropertyListParser;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The setup page in a real browser, as a person uses it: Debian's headless Chromium (see
 * {@link Chromium}) against the real server on a free loopback port.
 */
@ExtendWith(VertxExtension.class)
class SetupPageBrowserTest {

    @TempDir
    static Path profileDir;

    static SetupPageSite site;
    static String base;
    static WebDriver browser;

    @BeforeAll
    static void start(Vertx vertx) throws Exception {
        // The browser says it prefers Italian, as an Italian phone would.
        site = SetupPageSite.start(vertx, profileDir, "it-IT,it");
        base = site.base();
        browser = site.chromium().driver();
    }

    @AfterAll
    static void stop() throws Exception {
        if (site != null) {
            site.close();
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
        List<String> cards = browser.findElements(By.cssSelector("#settings .card")).stream().map(WebElement::getText).toList();
        assertThat(cards).hasSize(4);
        assertThat(cards.get(0)).contains("IMAP", "mail.polito.it", "993", "SSL/TLS", "mario.rossi@polito.it");
        assertThat(cards.get(2)).contains("SMTP", "465");
        // Headless Chromium on Linux gets the Thunderbird guide; the person picks another with a plain link.
        assertThat(browser.findElement(By.id("steps")).getDomAttribute("data-app")).isEqualTo("thunderbird");
        browser.findElement(By.cssSelector("#apps a[data-app=iphone]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("profile-link")));
        assertThat(browser.findElement(By.cssSelector("#apps a[aria-current=page]")).getText()).isEqualTo("iPhone e iPad");
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
    void keyboardAlone_typeSubmitChooseAnAppWithVisibleFocus() {
        browser.get(base + "/?lang=en");
        new Actions(browser).sendKeys(Keys.TAB).perform();
        assertThat(browser.switchTo().activeElement().getDomAttribute("id")).as("the address field comes first").isEqualTo("emailaddress");
        new Actions(browser).sendKeys("mario.rossi@unimi.it", Keys.ENTER).perform();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("result")));

        WebElement focused = null;
        for (int tabs = 0; tabs < 40; tabs++) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
            focused = browser.switchTo().activeElement();
            if ("iphone".equals(focused.getDomAttribute("data-app"))) {
                break;
            }
        }
        assertThat(focused.getDomAttribute("data-app")).as("the app list is reached by Tab").isEqualTo("iphone");
        assertThat(focused.getCssValue("outline-style")).as("focus is visible").isEqualTo("solid");
        assertThat(focused.getCssValue("outline-width")).isEqualTo("3px");
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("profile-link")));
        assertThat(browser.findElement(By.id("steps")).getDomAttribute("data-app")).isEqualTo("iphone");
    }

    @Test
    void halnetAddress_showsTheHintForTheSmtpLogin() {
        lookUp("mario.rossi@hln.it");

        WebElement smtp = browser.findElements(By.cssSelector("#settings .card")).get(2);
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
