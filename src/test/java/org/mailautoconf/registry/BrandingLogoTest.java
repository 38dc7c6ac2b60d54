package org.mailautoconf.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BrandingLogoTest {

    private static final byte[] SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8);

    @Test
    void theDigestIsDerivedFromTheBytes_andAWrongOneIsRefused() {
        Branding.Logo logo = Branding.Logo.of("a.svg", Branding.ImageType.SVG, SVG);
        assertThat(new Branding.Logo("a.svg", Branding.ImageType.SVG, SVG, logo.sha256())).isEqualTo(logo);
        assertThat(logo.sha256()).hasSize(64);
        assertThatThrownBy(() -> new Branding.Logo("a.svg", Branding.ImageType.SVG, SVG, "0".repeat(64)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
