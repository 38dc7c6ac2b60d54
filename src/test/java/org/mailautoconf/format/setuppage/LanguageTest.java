package org.mailautoconf.format.setuppage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "it-IT,it;q=0.9,en-US;q=0.8,en;q=0.7 | IT",
        "en-US,en;q=0.9,it;q=0.8 | EN",
        "de-DE,de;q=0.9 | EN",
        "de-DE,it;q=0.5 | IT",
        "en;q=0.4,it;q=0.6 | IT",
        "it;q=0.5,en;q=0.5 | IT",
        "IT | IT",
        "* | EN",
        "it;q=abc | EN",
        "'' | EN",
    })
    void choose_acceptLanguage_italianOnlyWhenPreferred(String header, Language expected) {
        assertThat(Language.choose(Optional.empty(), Optional.of(header))).isEqualTo(expected);
    }

    @Test
    void choose_explicitChoice_winsOverHeader() {
        assertThat(Language.choose(Optional.of("en"), Optional.of("it"))).isEqualTo(Language.EN);
        assertThat(Language.choose(Optional.of("it"), Optional.empty())).isEqualTo(Language.IT);
        assertThat(Language.choose(Optional.of("fr"), Optional.of("it"))).as("unknown choice: the header").isEqualTo(Language.IT);
    }

    @Test
    void choose_nothing_english() {
        assertThat(Language.choose(Optional.empty(), Optional.empty())).isEqualTo(Language.EN);
    }
}
