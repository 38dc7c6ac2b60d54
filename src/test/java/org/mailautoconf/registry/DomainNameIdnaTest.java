package org.mailautoconf.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.util.VersionInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Domain names are mapped as UTS #46 non-transitional processing says, checked against Unicode's
 * own conformance vectors (IdnaTestV2.txt, installed by .ci/install-idna) and the deviation
 * characters on which IDNA 2003 and IDNA 2008 reach different domains.
 */
class DomainNameIdnaTest {

    /** Where Debian's source package of the Rust idna crate puts Unicode's file. */
    private static final Path VECTORS_DIR = Path.of("/usr/share/cargo/registry");

    /**
     * Statuses our processing deliberately does not raise: V2 ("--" in the third and fourth
     * place), which the WHATWG URL standard (CheckHyphens=false) and so browsers accept too.
     */
    private static final Set<String> NOT_CHECKED = Set.of("V2");

    /**
     * Characters whose UTS #46 mapping Unicode changed after the file's version 13.0 (UTS #46
     * revision 31, Unicode 15.1, "Modifications"): ≠ ≮ ≯ became valid, Georgian capitals and
     * U+04C0 are mapped to their small letters, the Hangul fillers are ignored. ICU follows the
     * newer table, so vectors with them would test the old table, not our processing.
     */
    private static final String CHANGED_AFTER_13 = "\u2260\u226E\u226F\u04C0\u115F\u1160\u3164\uFFA0\u10A0-\u10C5\u10C7\u10CD";
    private static final Pattern CHANGED = Pattern.compile("[" + CHANGED_AFTER_13 + "]");

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            // ß, ς, ZWJ and ZWNJ: IDNA 2003 (and UTS #46 transitional) map them away, to another domain.
            "faß.de                | xn--fa-hia.de",
            "FASS.de               | fass.de",
            "βόλος.com             | xn--nxasmm1c.com",
            "ශ්\u200Dරී.lk           | xn--10cl1a0b660p.lk",
            "نامه\u200Cای.ir         | xn--mgba3gch31f060k.ir",
            "Città.it              | xn--citt-3na.it",
            "xn--fa-hia.de         | xn--fa-hia.de",
    })
    void parse_mapsDeviationCharactersAsIdna2008(String text, String ascii) {
        assertThat(DomainName.parse(text).ascii()).isEqualTo(ascii);
    }

    @Test
    void parse_keepsSharpSInTheUnicodeForm() {
        assertThat(DomainName.parse("xn--fa-hia.de").unicode()).isEqualTo("faß.de");
        assertThat(DomainName.parse("faß.de")).isNotEqualTo(DomainName.parse("fass.de"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "a\u200Db.example       | zero-width joiner",
            "xn--a.example          | punycode",
            "a\u0301b.\u0301x.org     | combining mark",
            "\u05D0a.example        | RFC 5893",
            "a\uFFFDb.example       | may not contain",
    })
    void parse_rejectsWhatIdna2008Forbids(String text, String why) {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> DomainName.parse(text))
                .withMessageContaining(why);
    }

    /**
     * Every vector of the file whose characters Unicode had assigned by the file's version (later
     * versions assign some that the file, rightly for its time, calls invalid): toAsciiN's result,
     * or a refusal when toAsciiN reports an error our processing checks.
     */
    @Test
    void parse_agreesWithUnicodeConformanceVectors() throws IOException {
        Path file = vectors();
        VersionInfo fileVersion = unicodeVersion(file);
        List<String> disagreements = new ArrayList<>();
        int checked = 0;
        int refusals = 0;
        for (String line : Files.readAllLines(file)) {
            String data = line.replaceFirst("#.*", "").strip();
            if (data.isEmpty()) {
                continue;
            }
            Vector v = Vector.of(data);
            if (!v.testsTodaysTable(fileVersion)) {
                continue;
            }
            checked++;
            String actual;
            try {
                actual = DomainName.parse(v.source()).ascii();
            } catch (IllegalArgumentException e) {
                actual = "refused";
            }
            String expected = v.expectsRefusal() ? "refused" : v.toAsciiN().replaceFirst("\\.$", "");
            if (expected.equals("refused")) {
                refusals++;
            }
            if (!actual.equals(expected)) {
                disagreements.add(line + "\n    expected " + expected + ", was " + actual);
            }
        }
        assertThat(checked).as("vectors checked").isGreaterThan(3500);
        // Most of the file is vectors of errors; both kinds must be there for the check to mean anything.
        assertThat(refusals).as("vectors expecting a refusal").isGreaterThan(1000);
        assertThat(checked - refusals).as("vectors expecting a name").isGreaterThan(300);
        assertThat(disagreements).as("vectors that disagree, of " + checked).isEmpty();
    }

    /** One line: source; toUnicode; toUnicodeStatus; toAsciiN; toAsciiNStatus; (transitional columns unused). */
    private record Vector(String source, String toUnicode, String toAsciiN, Set<String> toAsciiNStatus) {

        static Vector of(String data) {
            String[] c = Arrays.stream(data.split(";", -1)).map(String::strip).map(Vector::unescape).toArray(String[]::new);
            String toUnicode = c[1].isEmpty() ? c[0] : c[1];
            String toAsciiN = c[3].isEmpty() ? toUnicode : c[3];
            String status = c[4].isEmpty() ? c[2] : c[4];
            return new Vector(c[0], toUnicode, toAsciiN, statuses(status));
        }

        /**
         * False for a vector about what changed after the file's version: a character assigned
         * later (in the source or hidden in its punycode), one whose mapping changed, or a label
         * that decodes to "xn--..." (refused since revision 31, where the file expects [V2]).
         */
        boolean testsTodaysTable(VersionInfo fileVersion) {
            String both = source + toUnicode;
            return both.codePoints().allMatch(cp -> UCharacter.getAge(cp).compareTo(fileVersion) <= 0)
                    && !CHANGED.matcher(both).find() && !Pattern.compile("(^|\\.)xn--").matcher(toUnicode).find();
        }

        boolean expectsRefusal() {
            Set<String> checkedStatuses = new HashSet<>(toAsciiNStatus);
            checkedStatuses.removeAll(NOT_CHECKED);
            return !checkedStatuses.isEmpty();
        }

        private static Set<String> statuses(String text) {
            String inner = text.replace("[", "").replace("]", "").strip();
            return inner.isEmpty() ? Set.of() : Set.of(inner.split("[ ,]+"));
        }

        private static String unescape(String text) {
            Matcher m = Pattern.compile("\\\\u([0-9A-Fa-f]{4})|\\\\x\\{([0-9A-Fa-f]+)}").matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                int cp = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2), 16);
                m.appendReplacement(out, Matcher.quoteReplacement(new String(Character.toChars(cp))));
            }
            return m.appendTail(out).toString();
        }
    }

    private static VersionInfo unicodeVersion(Path file) throws IOException {
        try (Stream<String> lines = Files.lines(file)) {
            String version = lines.limit(20).filter(l -> l.startsWith("# Version:")).findFirst()
                    .orElseThrow(() -> new AssertionError(file + " names no Unicode version")).substring("# Version:".length()).strip();
            return VersionInfo.getInstance(version);
        }
    }

    private static Path vectors() throws IOException {
        if (Files.isDirectory(VECTORS_DIR)) {
            try (Stream<Path> dirs = Files.list(VECTORS_DIR)) {
                Path found = dirs.filter(d -> d.getFileName().toString().startsWith("idna-"))
                        .map(d -> d.resolve("tests/IdnaTestV2.txt")).filter(Files::isRegularFile).sorted().reduce((a, b) -> b).orElse(null);
                if (found != null) {
                    return found;
                }
            }
        }
        return fail("Unicode's IdnaTestV2.txt is not installed under " + VECTORS_DIR + "; run .ci/install-idna");
    }
}
