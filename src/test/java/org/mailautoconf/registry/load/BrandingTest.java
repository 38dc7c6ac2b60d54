package org.mailautoconf.registry.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mailautoconf.registry.load.ProblemAssert.assertThatProblem;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mailautoconf.registry.Branding;
import org.mailautoconf.registry.Provider;
import org.mailautoconf.registry.Registry;

/** {@code branding}: a name and a logo file for the setup page, each refusal at the logo's line and column. */
class BrandingTest {

    static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 40 10\"><rect width=\"40\" height=\"10\" fill=\"#036\"/></svg>\n";

    /** The logo's value is on line 3, column 9; the name's on line 2, column 9. */
    private static String branded(String name, String logo) {
        return "branding:\n  name: " + name + "\n  logo: " + logo + "\n" + ProviderDir.provider("acme", "acme.example");
    }

    /** The provider directory of one test, and the files it writes there. */
    @TempDir
    Path tmp;
    private ProviderDir dir;

    @BeforeEach
    void emptyProviderDirectory() {
        dir = new ProviderDir(tmp);
    }

    static byte[] png(int width, int height) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Loads the provider with a logo file of this name and content. */
    private LoadResult withLogo(String file, String content) {
        return dir.file("acme.yaml", branded("Acme", file)).bytes(file, content.getBytes(StandardCharsets.UTF_8)).load();
    }

    private static Branding brandingOf(LoadResult result) {
        assertThat(result.problems()).as(ProblemAssert.listed(result)).isEmpty();
        return result.registry().orElseThrow().provider("acme").flatMap(Provider::branding).orElseThrow();
    }

    @Test
    void svgLogoAndNamePerLanguage_load() {
        var result = dir.file("acme.yaml", """
                branding:
                  name: {it: Politecnico di Esempio, en: Example Polytechnic}
                  logo: logos/acme.svg
                """ + ProviderDir.provider("acme", "acme.example"))
                .bytes("logos/acme.svg", SVG.getBytes(StandardCharsets.UTF_8)).load();

        Branding b = brandingOf(result);
        assertThat(b.name().best(List.of("en"))).contains("Example Polytechnic");
        assertThat(b.name().best(List.of("it"))).contains("Politecnico di Esempio");
        Branding.Logo logo = b.logo().orElseThrow();
        assertThat(logo.type()).isEqualTo(Branding.ImageType.SVG);
        assertThat(logo.type().mediaType()).isEqualTo("image/svg+xml");
        assertThat(logo.file()).isEqualTo("logos/acme.svg");
        assertThat(logo.bytes()).isEqualTo(SVG.getBytes(StandardCharsets.UTF_8));
        assertThat(logo.etag()).matches("\"[0-9a-f]{32}\"");
    }

    @Test
    void pngLogoAndOneName_load() {
        byte[] png = png(120, 40);
        var result = dir.file("acme.yaml", branded("Acme Mail", "./acme.png")).bytes("acme.png", png).load();

        Branding b = brandingOf(result);
        assertThat(b.name().best(List.of("it"))).contains("Acme Mail");
        assertThat(b.logo().orElseThrow().type()).isEqualTo(Branding.ImageType.PNG);
        assertThat(b.logo().orElseThrow().file()).isEqualTo("acme.png");
        assertThat(b.logo().orElseThrow().bytes()).isEqualTo(png);
    }

    @Test
    void nameAlone_loadsWithoutALogo() {
        var result = dir.file("acme.yaml", "branding: {name: Acme Mail}\n" + ProviderDir.provider("acme", "acme.example")).load();

        assertThat(brandingOf(result).logo()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "/etc/passwd           | must be a path relative to the provider directory",
        "../secret.svg         | must stay inside the provider directory",
        "logos/../../x.svg     | must stay inside the provider directory",
        "a/b/logo.svg          | in a folder directly in it",
        "C:\\\\logo.svg          | must be a path relative",
    })
    void pathOutsideTheDirectoryOrTooDeep_isRefused(String path, String message) {
        var result = dir.file("acme.yaml", branded("Acme", "'" + path + "'")).load();

        assertThat(result.ok()).isFalse();
        assertThatProblem(result, "bad-logo-path").isError().at("acme.yaml", 3, 9).hasField("branding.logo").says(message);
    }

    @Test
    void missingFile_isAnError() {
        var result = dir.file("acme.yaml", branded("Acme", "acme.svg")).load();

        assertThatProblem(result, "logo-missing").isError().at("acme.yaml", 3, 9).says("no logo at " + dir.path("acme.svg").toAbsolutePath());
    }

    @Test
    void largerThan64KiB_isRefusedWithoutReadingIt() {
        byte[] big = (SVG.replace("</svg>", "<!--" + "x".repeat(BrandingBinder.MAX_LOGO_BYTES) + "--></svg>")).getBytes(StandardCharsets.UTF_8);
        var result = dir.file("acme.yaml", branded("Acme", "acme.svg")).bytes("acme.svg", big).load();

        assertThatProblem(result, "logo-too-large").isError().at("acme.yaml", 3, 9).says("at most 65536");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "GIF89a                                                    | neither a PNG nor an SVG",
        "<html><body>not found</body></html>                       | the root element is <html> in no namespace",
        "<svg viewBox='0 0 1 1'/>                                  | not <svg xmlns=",
        "<svg xmlns='http://www.w3.org/2000/svg'><rect></svg>      | not well-formed XML",
    })
    void notAnImage_isRefusedByContent(String content, String message) {
        assertThatProblem(withLogo("acme.png", content), "logo-not-image").isError().at("acme.yaml", 3, 9).says("acme.png ").says(message);
    }

    @Test
    void damagedPng_isRefused() {
        byte[] png = png(10, 10);
        byte[] cut = java.util.Arrays.copyOf(png, png.length - 12);
        byte[] flipped = png.clone();
        flipped[40] ^= 1;

        var result = dir.file("acme.yaml", branded("Acme", "acme.png")).bytes("acme.png", cut).load();
        assertThatProblem(result, "logo-not-image").says("is not a whole PNG image").says("ends before its last chunk");
        result = dir.bytes("acme.png", flipped).load();
        assertThatProblem(result, "logo-not-image").says("checksum is wrong");
    }

    @Test
    void pngWhoseChunkLengthRunsPastTheFile_isRefused() {
        byte[] png = png(10, 10);
        byte[] tooLong = png.clone();
        tooLong[8] = 0x7f; // IHDR's length, now about two thousand million bytes

        var result = dir.file("acme.yaml", branded("Acme", "acme.png")).bytes("acme.png", tooLong).load();
        assertThatProblem(result, "logo-not-image").says("a chunk runs past the end of the file");
    }

    @Test
    void pngWithBytesAfterItsEnd_orWithoutItsHeaderFirst_isRefused() {
        byte[] png = png(10, 10);
        byte[] trailing = java.util.Arrays.copyOf(png, png.length + 1);
        byte[] renamed = png.clone();
        renamed[12] = 'X'; // IHDR's type: the first chunk is no longer the header

        var result = dir.file("acme.yaml", branded("Acme", "acme.png")).bytes("acme.png", trailing).load();
        assertThatProblem(result, "logo-not-image").says("there are bytes after its end (IEND)");
        result = dir.bytes("acme.png", renamed).load();
        assertThatProblem(result, "logo-not-image").says("the first chunk is not the image header (IHDR)");
    }

    @Test
    void hugePngDimensions_areRefused() {
        var result = dir.file("acme.yaml", branded("Acme", "acme.png")).bytes("acme.png", png(5000, 1)).load();

        assertThatProblem(result, "logo-not-image").says("5000×1 pixels");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "<!DOCTYPE svg [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><svg xmlns='http://www.w3.org/2000/svg'>&x;</svg> | has a DOCTYPE",
        "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>                                 | has a <script> element",
        "<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>                                             | event handler attribute onload",
        "<svg xmlns='http://www.w3.org/2000/svg'><rect onClick='alert(1)'/></svg>                                | event handler attribute onClick",
        "<svg xmlns='http://www.w3.org/2000/svg'><foreignObject><p>x</p></foreignObject></svg>                   | has a <foreignObject> element",
        "<svg xmlns='http://www.w3.org/2000/svg'><p xmlns='http://www.w3.org/1999/xhtml'>x</p></svg>             | has an HTML element <p>",
        "<svg xmlns='http://www.w3.org/2000/svg' xmlns:l='http://www.w3.org/1999/xlink'><image l:href='https://tracker.example/x.png'/></svg> | href=\"https://tracker.example/x.png\"",
        "<svg xmlns='http://www.w3.org/2000/svg'><use href='other.svg#a'/></svg>                                 | href=\"other.svg#a\"",
        "<svg xmlns='http://www.w3.org/2000/svg'><a href='javascript:alert(1)'><rect/></a></svg>                 | href=\"javascript:alert(1)\"",
        "<svg xmlns='http://www.w3.org/2000/svg'><rect style='fill:url(https://x.example/p.svg#g)'/></svg>       | url(https://x.example/p.svg#g)",
        "<svg xmlns='http://www.w3.org/2000/svg'><style>@import 'https://x.example/a.css';</style></svg>         | imports a style sheet",
        "<svg xmlns='http://www.w3.org/2000/svg'><style>rect{fill:url( \"//x.example/p\" )}</style></svg>        | url(//x.example/p)",
        "<?xml-stylesheet href='https://x.example/a.css'?><svg xmlns='http://www.w3.org/2000/svg'/>              | processing instruction <?xml-stylesheet?>",
        "<svg xmlns='http://www.w3.org/2000/svg'><a href='#x'><set attributeName='href' to='javascript:alert(1)'/></a></svg> | animates a link",
        "<svg xmlns='http://www.w3.org/2000/svg' xml:base='https://x.example/'><use href='#a'/></svg>             | sets a base URL",
        "<svg xmlns='http://www.w3.org/2000/svg'><style>rect{fill:image-set(\"https://x.example/a.png\" 1x)}</style></svg> | image-set",
    })
    void svgThatRunsOrLoadsSomething_isRefused(String svg, String message) {
        var result = withLogo("acme.svg", svg);

        assertThat(result.ok()).isFalse();
        assertThatProblem(result, "logo-unsafe-svg").isError().at("acme.yaml", 3, 9).hasField("branding.logo").says("acme.svg ").says(message);
    }

    @Test
    void svgWithInternalReferencesGradientsAndMetadata_loads() {
        String svg = """
                <?xml version="1.0" encoding="UTF-8"?>
                <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
                     xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" viewBox="0 0 100 20">
                  <title>Acme</title>
                  <defs><linearGradient id="g"><stop offset="0" stop-color="#036"/></linearGradient>
                    <path id="p" d="M0 0h10v10z"/></defs>
                  <style>.a{fill:url(#g)}</style>
                  <inkscape:namedview inkscape:zoom="1"/>
                  <use xlink:href="#p" class="a" style="fill:url( '#g' )"/>
                </svg>
                """;
        assertThat(brandingOf(withLogo("acme.svg", svg)).logo().orElseThrow().type()).isEqualTo(Branding.ImageType.SVG);
    }

    @Test
    void nameTooLongOrWithControlCharacters_isRefused() {
        var result = dir.file("acme.yaml", branded("'" + "x".repeat(81) + "'", "acme.svg")).bytes("acme.svg", SVG.getBytes(StandardCharsets.UTF_8)).load();
        assertThatProblem(result, "name-too-long").isError().at("acme.yaml", 2, 9).hasField("branding.name").says("has 81 characters");

        result = dir.file("acme.yaml", branded("\"Acme\\tMail\"", "acme.svg")).load();
        assertThatProblem(result, "control-character").isError().at("acme.yaml", 2, 9).says("U+0009");

        result = dir.file("acme.yaml", "branding:\n  name:\n    it: \"Posta \\u202EemcA\"\n" + ProviderDir.provider("acme", "acme.example")).load();
        assertThatProblem(result, "control-character").isError().at("acme.yaml", 3, 5).says("U+202E");
    }

    @Test
    void emptyOrMisspelledBranding_isRefused() {
        var result = dir.file("acme.yaml", "branding: {}\n" + ProviderDir.provider("acme", "acme.example")).load();
        assertThatProblem(result, "empty-value", "branding").isError().at("acme.yaml", 1, 11);

        result = dir.file("acme.yaml", "branding: {logos: acme.svg}\n" + ProviderDir.provider("acme", "acme.example")).load();
        assertThatProblem(result, "unknown-field").at("acme.yaml", 1, 12).says("did you mean 'logo'?");
    }

    @Test
    void aReload_readsAChangedLogoEvenWhenTheProviderFileIsUnchanged() throws IOException {
        dir.file("acme.yaml", branded("Acme", "acme.svg")).bytes("acme.svg", SVG.getBytes(StandardCharsets.UTF_8));
        // Settled stamps: the loader would take an unchanged file over without reading it.
        Instant old = Instant.now().minusSeconds(60);
        Files.setLastModifiedTime(dir.path("acme.yaml"), FileTime.from(old));
        RegistryLoader loader = new RegistryLoader();
        Registry first = loader.load(tmp, Optional.empty()).registry().orElseThrow();

        byte[] png = png(20, 20);
        dir.bytes("acme.svg", png);
        Registry second = loader.load(tmp, Optional.empty()).registry().orElseThrow();

        assertThat(second.provider("acme").flatMap(Provider::branding).flatMap(Branding::logo).orElseThrow().bytes()).isEqualTo(png);
        assertThat(second.version()).isNotEqualTo(first.version());
    }

    @Test
    void theLastGoodCopy_keepsTheLogo() throws IOException {
        dir.file("acme.yaml", branded("Acme", "logos/acme.svg")).bytes("logos/acme.svg", SVG.getBytes(StandardCharsets.UTF_8));
        RegistryLoader loader = new RegistryLoader();
        Registry good = loader.load(tmp, Optional.empty()).registry().orElseThrow();
        LastGoodFiles state = new LastGoodFiles(tmp.resolve("state"));
        state.save(tmp, good, loader.lastFileHashes(), Instant.now());

        Files.delete(dir.path("logos/acme.svg"));
        LoadResult back = state.load(Optional.empty()).orElseThrow().result();

        assertThat(back.problems()).as(ProblemAssert.listed(back)).isEmpty();
        assertThat(back.registry().orElseThrow().version()).isEqualTo(good.version());
        assertThat(back.registry().orElseThrow().provider("acme").flatMap(Provider::branding))
                .isEqualTo(good.provider("acme").flatMap(Provider::branding));
    }
}
