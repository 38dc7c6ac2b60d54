package org.mailautoconf.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.mailautoconf.testing.BrandedProvider;

/**
 * The setup page of every seed provider, and of a made-up branded one (its logo), at a phone's width (390 px) and a desktop's (1280 px),
 * in both languages (and the two longest pages at 320 px), in one Chromium session: nothing wider than the screen, the user name on
 * screen, the QR code (on desktop) decoding to this page's URL, the profile link answering, and
 * axe-core finding no WCAG 2.2 A/AA violation (in light mode, and once per provider in dark mode). Screenshots go to
 * {@code target/setup-page/} for a person to look at.
 */
@ExtendWith(VertxExtension.class)
class SetupPageLayoutTest {

    static final String IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15"
            + " (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
    static final String WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/131.0.0.0 Safari/537.36";
    static final Path SCREENSHOTS = Path.of("target", "setup-page");
    static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    @TempDir
    static Path profileDir;
    /** The shipped providers and a made-up branded one (the shipped ones have no logo). */
    @TempDir
    static Path providersDir;

    static SetupPageSite site;
    static String base;
    static Chromium chromium;

    @BeforeAll
    static void start(Vertx vertx) throws Exception {
        site = SetupPageSite.start(vertx, profileDir, "en", BrandedProvider.withShipped(providersDir));
        base = site.base();
        chromium = site.chromium();
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() throws Exception {
        if (site != null) {
            site.close();
        }
    }

    @ParameterizedTest(name = "{0} {1} {2}px")
    @CsvSource(delimiter = '|', value = {
        "mario.rossi@polito.it            | it | 390  | mario.rossi@polito.it",
        "mario.rossi@polito.it            | en | 1280 | mario.rossi@polito.it",
        "mario.rossi@hln.it               | it | 1280 | mario.rossi@hln.it",
        "mario.rossi@hln.it               | en | 390  | mario.rossi@hln.it",
        "mario.rossi@pec.telecomitalia.it | it | 390  | mario.rossi@pec.telecomitalia.it*mario.rossi",
        "mario.rossi@pec.telecomitalia.it | en | 1280 | mario.rossi@pec.telecomitalia.it*mario.rossi",
        "mario.rossi@unimi.it             | it | 1280 | mario.rossi@unimi.it",
        "mario.rossi@unimi.it             | en | 390  | mario.rossi@unimi.it",
        "mario.rossi@polito.it            | en | 390  | mario.rossi@polito.it",
        "mario.rossi@polito.it            | it | 1280 | mario.rossi@polito.it",
        "mario.rossi@hln.it               | it | 390  | mario.rossi@hln.it",
        "mario.rossi@hln.it               | en | 1280 | mario.rossi@hln.it",
        "mario.rossi@pec.telecomitalia.it | en | 390  | mario.rossi@pec.telecomitalia.it*mario.rossi",
        "mario.rossi@pec.telecomitalia.it | it | 1280 | mario.rossi@pec.telecomitalia.it*mario.rossi",
        "mario.rossi@unimi.it             | en | 1280 | mario.rossi@unimi.it",
        "mario.rossi@unimi.it             | it | 390  | mario.rossi@unimi.it",
        // The narrowest phones still sold: the longest user name and the longest hint must wrap.
        "mario.rossi@pec.telecomitalia.it | it | 320  | mario.rossi@pec.telecomitalia.it*mario.rossi",
        "mario.rossi@hln.it               | it | 320  | mario.rossi@hln.it",
    })
    void page_fitsIsReadableScannableAndAccessible(String address, String lang, int width, String userName) throws Exception {
        boolean phone = width < 600;
        chromium.viewport(width, phone ? 844 : 900, phone ? IPHONE : WINDOWS);
        chromium.colorScheme("light");
        String pageUrl = base + "/?emailaddress=" + URLEncoder.encode(address, StandardCharsets.UTF_8);
        chromium.driver().get(pageUrl + "&lang=" + lang);
        String name = address.substring(address.indexOf('@') + 1) + "-" + lang + "-" + width;

        assertThat(chromium.driver().findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo(lang);
        assertNoHorizontalOverflow(width);
        WebElement login = chromium.driver().findElement(By.cssSelector("#card-in-0 .field-login .value"));
        assertThat(login.getText()).isEqualTo(userName);
        assertOnScreen(login, width);
        assertThat(chromium.driver().findElement(By.id("steps")).getDomAttribute("data-app")).isEqualTo(phone ? "iphone" : "outlook");
        assertAccessible(name);
        Files.write(SCREENSHOTS.resolve(name + ".png"), chromium.fullPageScreenshot());

        WebElement qr = chromium.driver().findElement(By.id("qr"));
        if (phone) {
            assertThat(qr.isDisplayed()).as("no QR code on the phone itself").isFalse();
        } else {
            assertThat(decode(qr.getScreenshotAs(OutputType.BYTES))).isEqualTo(pageUrl);
            // The person at the desktop can still pick the iPhone guide, with a plain link.
            chromium.driver().findElement(By.cssSelector("#apps a[data-app=iphone]")).click();
        }
        assertProfileDownloads(chromium.driver().findElement(By.id("profile-link")).getDomProperty("href"));

        if (phone && lang.equals("en")) {
            // Dark mode once per provider: its colours are the same for every language and width.
            chromium.colorScheme("dark");
            assertAccessible(name + "-dark");
            Files.write(SCREENSHOTS.resolve(name + "-dark.png"), chromium.fullPageScreenshot());
        }
    }

    @ParameterizedTest(name = "branded {0} {1}px")
    @CsvSource(delimiter = '|', value = {
        "en | 320",
        "it | 390",
        "en | 390",
        "it | 1280",
    })
    void brandedProvider_showsItsLogoNamedAndWithinTheScreen(String lang, int width) throws Exception {
        boolean phone = width < 600;
        chromium.viewport(width, phone ? 844 : 900, phone ? IPHONE : WINDOWS);
        chromium.colorScheme("light");
        chromium.driver().get(base + "/?emailaddress=mario.rossi%40" + BrandedProvider.DOMAIN + "&lang=" + lang);
        String name = "branded-" + lang + "-" + width;

        WebElement logo = chromium.driver().findElement(By.id("brand-logo"));
        assertThat(logo.getDomAttribute("alt")).isEqualTo(lang.equals("it") ? BrandedProvider.NAME_IT : BrandedProvider.NAME_EN);
        // Loaded and drawn: the page's policy lets it in and the route answers with an image.
        Object loaded = chromium.driver().executeScript("const i = arguments[0]; return i.complete && i.naturalWidth > 0;", logo);
        assertThat(loaded).as("the logo loaded").isEqualTo(true);
        Rectangle r = logo.getRect();
        assertThat(r.getHeight()).as("logo height").isBetween(40, 80);
        assertThat(r.getX() + r.getWidth()).as("right edge of the logo").isLessThanOrEqualTo(width);
        assertNoHorizontalOverflow(width);
        assertOnScreen(chromium.driver().findElement(By.cssSelector("#card-in-0 .field-login .value")), width);
        assertAccessible(name);
        Files.write(SCREENSHOTS.resolve(name + ".png"), chromium.fullPageScreenshot());

        if (phone && lang.equals("en")) {
            chromium.colorScheme("dark");
            assertAccessible(name + "-dark");
            Files.write(SCREENSHOTS.resolve(name + "-dark.png"), chromium.fullPageScreenshot());
        }
    }

    private static void assertNoHorizontalOverflow(int width) {
        Object scrollWidth = chromium.driver().executeScript("return document.documentElement.scrollWidth");
        Object innerWidth = chromium.driver().executeScript("return window.innerWidth");
        assertThat(((Number) innerWidth).intValue()).isEqualTo(width);
        assertThat(((Number) scrollWidth).intValue()).as("document scroll width").isLessThanOrEqualTo(width);
    }

    private static void assertOnScreen(WebElement element, int width) {
        assertThat(element.isDisplayed()).isTrue();
        Rectangle r = element.getRect();
        assertThat(r.getX()).isGreaterThanOrEqualTo(0);
        assertThat(r.getX() + r.getWidth()).as("right edge of the user name").isLessThanOrEqualTo(width);
    }

    private static void assertAccessible(String page) {
        Results results = new AxeBuilder().withTags(WCAG).analyze(chromium.driver());
        assertThat(results.isErrored()).as("axe ran: %s", results.getErrorMessage()).isFalse();
        assertThat(results.getViolations()).as("axe-core on %s: %s", page, describe(results.getViolations())).isEmpty();
    }

    private static String describe(List<Rule> violations) {
        return violations.stream().map(r -> r.getId() + " (" + r.getHelp() + ") at "
                + r.getNodes().stream().map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
    }

    private static String decode(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        RGBLuminanceSource source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
    }

    private static void assertProfileDownloads(String href) throws Exception {
        assertThat(href).startsWith(base + "/mobileconfig?emailaddress=");
        HttpResponse<byte[]> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create(href)).timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/x-apple-aspen-config");
    }
}
