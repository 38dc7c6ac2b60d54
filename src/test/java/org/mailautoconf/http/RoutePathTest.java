package org.mailautoconf.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoutePathTest {

    private final RoutePath logo = RoutePath.withParameterBefore("/branding/", "provider", "/logo");

    @Test
    void parameterBeforeASuffix_isOneSegment() {
        assertThat(logo.parameter("/branding/polito/logo")).isEqualTo("polito");
        assertThat(logo.parameter("/branding/polito/logo/")).isEqualTo("polito");
        assertThat(logo.parameter("/branding/a%2Fb/logo")).isEqualTo("a%2Fb");
    }

    @Test
    void withoutTheSuffix_anEmptyOrLongerParameter_noMatch() {
        assertThat(logo.parameter("/branding/polito")).isNull();
        assertThat(logo.parameter("/branding/polito/logox")).isNull();
        assertThat(logo.parameter("/branding//logo")).isNull();
        assertThat(logo.parameter("/branding/a/b/logo")).isNull();
        assertThat(logo.parameter("/branding/logo")).isNull();
    }
}
