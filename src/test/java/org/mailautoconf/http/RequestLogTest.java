package org.mailautoconf.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestLogTest {

    @Test
    void endpoint_isOneOfAFixedSet_whateverThePath() {
        assertThat(RequestLog.endpoint("/.well-known/autoconfig/mail/config-v1.1.xml")).isEqualTo("autoconfig");
        assertThat(RequestLog.endpoint("/Autodiscover/Autodiscover.xml")).isEqualTo("autodiscover");
        assertThat(RequestLog.endpoint("/mobileconfig/a@b.it")).isEqualTo("mobileconfig");
        assertThat(RequestLog.endpoint("/")).isEqualTo("setup");
        assertThat(RequestLog.endpoint("/branding/polito/logo")).isEqualTo("setup");
        assertThat(RequestLog.endpoint("/anything/" + "x".repeat(500))).isEqualTo("other");
    }
}
