package org.mailautoconf.format.setuppage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextsTest {

    @Test
    void load_everyLanguage_sameKeysAsEnglish() {
        Texts english = Texts.load(Language.EN);
        for (Language l : Language.values()) {
            assertThat(Texts.load(l).all().keySet()).as(l.tag()).isEqualTo(english.all().keySet());
        }
    }

    @Test
    void load_everyGuide_hasANameAndStepsInEveryLanguage() {
        for (Language l : Language.values()) {
            Texts t = Texts.load(l);
            for (Guide g : Guide.values()) {
                assertThat(t.find("app." + g.key())).as("%s name in %s", g, l.tag()).isPresent();
                assertThat(t.numbered("guide." + g.key())).as("%s steps in %s", g, l.tag()).hasSizeGreaterThanOrEqualTo(2);
            }
        }
    }

    @Test
    void load_italian_readAsUtf8() {
        assertThat(Texts.load(Language.IT).get("invalid")).contains("è");
    }

    @Test
    void format_valueContainingAPlaceholder_leftAsItIs() {
        assertThat(Texts.load(Language.EN).format("resultHeading", "address", "{address}@example.org"))
                .isEqualTo("Settings for {address}@example.org");
    }
}
