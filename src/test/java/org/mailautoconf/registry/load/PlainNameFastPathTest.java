package org.mailautoconf.registry.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mailautoconf.registry.DomainName;

/**
 * The list's fast path for plain ASCII names ({@link DomainListFile#plainLdh}) takes only names
 * that {@link DomainName#parse} gives back unchanged: what it lets through skips IDNA, so it must
 * never accept a name parse would change or refuse.
 */
class PlainNameFastPathTest {

    /** Characters that make the hard cases likely: the x, n and '-' of punycode, dots, upper case, an underscore, digits. */
    private static final String ALPHABET = "xn-.-.abz09XN_ ";

    private static boolean plain(String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        return DomainListFile.plainLdh(b, 0, b.length);
    }

    @Test
    void randomAscii_whatTheFastPathTakes_parseGivesBackUnchanged() {
        SplittableRandom random = new SplittableRandom(2008);
        int taken = 0;
        for (int i = 0; i < 300_000; i++) {
            StringBuilder s = new StringBuilder();
            int length = 1 + random.nextInt(i % 50 == 0 ? 90 : 14);
            for (int k = 0; k < length; k++) {
                s.append(random.nextInt(4) == 0 ? (char) (0x20 + random.nextInt(0x5f)) : ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String text = s.toString();
            if (plain(text)) {
                taken++;
                assertThat(DomainName.parse(text).ascii()).as(text).isEqualTo(text);
            }
        }
        assertThat(taken).as("the random input reaches the fast path").isGreaterThan(1_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"xn--citt-3na.example", "a.xn--p1ai", "axn--b.example", "Upper.example", "localhost",
            "-a.example", "a-.example", "a..example", "bücher.example"})
    void punycodeUpperCaseSingleLabelsAndBadNames_leftToParse(String name) {
        byte[] b = name.getBytes(StandardCharsets.UTF_8);
        assertThat(DomainListFile.plainLdh(b, 0, b.length)).isFalse();
    }

    @Test
    void labelAndNameLengths_asParseCountsThem() {
        String label63 = "a".repeat(63);
        assertThat(plain(label63 + ".example")).isTrue();
        assertThat(plain("a" + label63 + ".example")).isFalse();
        String long253 = (label63 + ".").repeat(3) + "a".repeat(253 - 64 * 3);
        assertThat(long253).hasSize(253);
        assertThat(plain(long253)).isTrue();
        assertThat(DomainName.parse(long253).ascii()).isEqualTo(long253);
        assertThat(plain(long253 + "a")).isFalse();
    }
}
