package org.mailautoconf.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DomainNameTest {

    @Test
    void parse_lowerCasesAndDropsTheTrailingDot() {
        DomainName name = DomainName.parse(" Mail.Example.ORG. ");

        assertThat(name.ascii()).isEqualTo("mail.example.org");
        assertThat(name.unicode()).isEqualTo("mail.example.org");
        assertThat(name).isEqualTo(DomainName.parse("mail.example.org"));
    }

    @Test
    void parse_unicodeAndPunycodeAreTheSameName() {
        DomainName unicode = DomainName.parse("Città.it");
        DomainName punycode = DomainName.parse("XN--CITT-3NA.IT.");

        assertThat(unicode.ascii()).isEqualTo("xn--citt-3na.it");
        assertThat(unicode.unicode()).isEqualTo("città.it");
        assertThat(punycode.unicode()).isEqualTo("città.it");
        assertThat(unicode).isEqualTo(punycode).hasSameHashCodeAs(punycode);
        assertThat(unicode.toString()).isEqualTo("xn--citt-3na.it");
    }

    @Test
    void parse_unicodeUpperCaseIsFolded() {
        assertThat(DomainName.parse("CITTÀ.IT")).isEqualTo(DomainName.parse("città.it"));
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @CsvSource(delimiter = '|', value = {
            "''                  | empty",
            "'.'                 | empty",
            "imap_1.example.org  | only letters, digits, '-' and '.'",
            "'has space.it'      | only letters, digits, '-' and '.'",
            "-mail.example.org   | neither starts nor ends with '-'",
            "mail-.example.org   | neither starts nor ends with '-'",
            "mail..example.org   | no empty labels",
    })
    void parse_rejectsWhatIsNotAHostName(String text, String why) {
        assertThatIllegalArgumentException().isThrownBy(() -> DomainName.parse(text)).withMessageContaining(why);
    }

    @Test
    void parse_rejectsALabelLongerThan63() {
        assertThatIllegalArgumentException().isThrownBy(() -> DomainName.parse("a".repeat(64) + ".it"));
        assertThat(DomainName.parse("a".repeat(63) + ".it").labelCount()).isEqualTo(2);
    }

    @Test
    void parse_rejectsNull() {
        assertThatIllegalArgumentException().isThrownBy(() -> DomainName.parse(null)).withMessageContaining("missing");
    }

    @Test
    void parent_climbsOneLabelInBothForms() {
        DomainName name = DomainName.parse("posta.città.it");

        assertThat(name.labelCount()).isEqualTo(3);
        assertThat(name.parent()).isEqualTo(DomainName.parse("città.it"));
        assertThat(name.parent().unicode()).isEqualTo("città.it");
        assertThat(name.parent().parent()).isEqualTo(DomainName.parse("it"));
        assertThat(name.parent().parent().parent()).isNull();
    }
}
