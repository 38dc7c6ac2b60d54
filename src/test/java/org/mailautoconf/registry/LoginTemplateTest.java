package org.mailautoconf.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LoginTemplateTest {

    private static final EmailAddress MARIO = EmailAddress.parse("Mario.Rossi@pec.telecomitalia.it");

    @Test
    void derived_fillsEveryPlaceholder() {
        var tim = new LoginTemplate.Derived("%EMAILADDRESS%*%EMAILLOCALPART%");

        assertThat(tim.loginFor(MARIO)).contains("Mario.Rossi@pec.telecomitalia.it*Mario.Rossi");
        assertThat(new LoginTemplate.Derived("%EMAILLOCALPART%@%EMAILDOMAIN%").loginFor(MARIO))
                .contains("Mario.Rossi@pec.telecomitalia.it");
    }

    @Test
    void derived_emailAddressIsTheWholeAddress() {
        assertThat(LoginTemplate.Derived.EMAIL_ADDRESS.loginFor(MARIO)).contains("Mario.Rossi@pec.telecomitalia.it");
    }

    @Test
    void derived_writesAnInternationalDomainInPunycode() {
        var address = EmailAddress.parse("utente@città.it");

        assertThat(new LoginTemplate.Derived("%EMAILDOMAIN%\\%EMAILLOCALPART%").loginFor(address))
                .contains("xn--citt-3na.it\\utente");
    }

    @Test
    void derived_isLiteralOnlyWithoutPlaceholders() {
        assertThat(new LoginTemplate.Derived("shared@example.org").isLiteral()).isTrue();
        assertThat(new LoginTemplate.Derived("%EMAILLOCALPART%").isLiteral()).isFalse();
        assertThat(new LoginTemplate.Derived("x-%EMAILDOMAIN%").isLiteral()).isFalse();
    }

    @Test
    void askUser_leavesTheLoginToTheUser() {
        var ask = new LoginTemplate.AskUser(new LocalizedText(Map.of("en", "Your SMTP user name")));

        assertThat(ask.loginFor(MARIO)).isEmpty();
    }

    @Test
    void fill_leavesTextWithoutPlaceholdersAlone() {
        assertThat(LoginTemplate.fill("100% literal", MARIO)).isEqualTo("100% literal");
        assertThat(LoginTemplate.fill("plain", MARIO)).isEqualTo("plain");
    }
}
