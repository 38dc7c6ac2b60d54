package org.mailautoconf.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmailAddressTest {

    @Test
    void parse_keepsTheLocalPartAsTypedAndNormalisesTheDomain() {
        EmailAddress address = EmailAddress.parse(" Mario.Rossi@PoliTo.IT. ");

        assertThat(address.localPart()).isEqualTo("Mario.Rossi");
        assertThat(address.domain()).isEqualTo(DomainName.parse("polito.it"));
        assertThat(address).hasToString("Mario.Rossi@polito.it");
    }

    @Test
    void toString_writesAnInternationalDomainInPunycode() {
        assertThat(EmailAddress.parse("utente@Città.it")).hasToString("utente@xn--citt-3na.it");
    }

    @Test
    void parse_acceptsALocalPartOf64Characters() {
        assertThat(EmailAddress.parse("a".repeat(64) + "@example.org").localPart()).hasSize(64);
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @CsvSource(delimiter = '|', value = {
            "''                 | empty",
            "nobody             | name@example.org",
            "@example.org       | name@example.org",
            "mario@             | name@example.org",
            "a@b@example.org    | one '@'",
            "'mario rossi@x.it' | no spaces",
            "mario@under_score.it | only letters, digits",
    })
    void parse_rejects(String text, String why) {
        assertThatIllegalArgumentException().isThrownBy(() -> EmailAddress.parse(text)).withMessageContaining(why);
    }

    @Test
    void parse_rejectsALocalPartLongerThan64() {
        assertThatIllegalArgumentException().isThrownBy(() -> EmailAddress.parse("a".repeat(65) + "@example.org"))
                .withMessageContaining("at most 64");
    }

    @Test
    void parse_rejectsControlCharacters() {
        assertThatIllegalArgumentException().isThrownBy(() -> EmailAddress.parse("mario\u0007@example.org"))
                .withMessageContaining("control characters");
    }

    /** What XML 1.0, plist or UTF-8 cannot carry: the answer would not be well-formed. */
    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
            "mario\uFFFE@example.org  | noncharacter U+FFFE",
            "\uFFFF@example.org       | noncharacter U+FFFF",
            "a\uFDD0@example.org      | noncharacter U+FDD0",
            "a\uD83F\uDFFE@example.org | noncharacter U+1FFFE",
            "a\uD800@example.org      | unpaired high surrogate",
            "\uDC00a@example.org      | unpaired low surrogate",
            "a\u0085b@example.org     | C1 control NEL",
            "a\u001Bb@example.org     | ESC",
            "a\u2028b@example.org     | line separator",
    })
    void parse_rejectsWhatNoAnswerCanCarry(String text, String what) {
        assertThatIllegalArgumentException().isThrownBy(() -> EmailAddress.parse(text));
        assertThatIllegalArgumentException().isThrownBy(() -> new EmailAddress(text.substring(0, text.indexOf('@')),
                DomainName.parse("example.org")));
    }

    @Test
    void parse_acceptsLettersOfEveryPlane() {
        assertThat(EmailAddress.parse("müller.😀.用户@example.org").localPart()).isEqualTo("müller.😀.用户");
    }
}
