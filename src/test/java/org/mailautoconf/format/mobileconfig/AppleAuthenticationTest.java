package org.mailautoconf.format.mobileconfig;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mailautoconf.registry.AuthMethod;
import org.mailautoconf.registry.Authentication;

class AppleAuthenticationTest {

    @ParameterizedTest
    @CsvSource({
        "password-cleartext, EmailAuthPassword",
        "password-encrypted, EmailAuthCRAMMD5",
        "NTLM, EmailAuthNTLM",
        "none, EmailAuthNone",
        "client-IP-address, EmailAuthNone",
        "smtp-after-pop, EmailAuthNone",
        "OAuth2, ",
        "GSSAPI, ",
        "TLS-client-cert, ",
    })
    void of_configMethod_applesValue(String method, String apple) {
        assertThat(AppleAuthentication.of(Authentication.of(AuthMethod.byKey(method).orElseThrow())))
                .isEqualTo(Optional.ofNullable(apple));
    }

    @ParameterizedTest
    @CsvSource({"PLAIN, EmailAuthPassword", "login, EmailAuthPassword", "CRAM-MD5, EmailAuthCRAMMD5", "SCRAM-SHA-256, "})
    void of_saslMechanism_applesValue(String mechanism, String apple) {
        assertThat(AppleAuthentication.of(new Authentication.Sasl(mechanism))).isEqualTo(Optional.ofNullable(apple));
    }
}
