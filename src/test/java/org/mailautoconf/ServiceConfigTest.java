package org.mailautoconf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceConfigTest {

    private static final ServiceConfig CUSTOM = new ServiceConfig("0.0.0.0", 9000, Path.of("p"), Optional.of("x"),
            Optional.empty(), Duration.ofSeconds(5), Duration.ofSeconds(60), 1234, true,
            Optional.of(new ProfileSigning(Path.of("c.pem"), Path.of("k.pem"), Optional.empty())));

    @Test
    void withers_changeTheirOneFieldAndKeepEveryOther() {
        ServiceConfig c = CUSTOM.withPort(0).withProvidersDir(Path.of("q"))
                .withPublicBaseUrl(Optional.of(URI.create("https://autoconfig.example.net")));
        assertThat(c).isEqualTo(new ServiceConfig("0.0.0.0", 0, Path.of("q"), Optional.of("x"),
                Optional.of(URI.create("https://autoconfig.example.net")), Duration.ofSeconds(5), Duration.ofSeconds(60),
                1234, true, CUSTOM.profileSigning()));
        assertThat(CUSTOM.withProfileSigning(Optional.empty()).cacheBytes()).isEqualTo(1234);
    }

    @Test
    void badValues_areRefusedNamingTheField() {
        assertThatIllegalArgumentException().isThrownBy(() -> CUSTOM.withPort(70000)).withMessageContaining("port must be 0..65535");
        assertThatIllegalArgumentException().isThrownBy(() -> CUSTOM.withPublicBaseUrl(Optional.of(URI.create("http://x.example"))))
                .withMessageContaining("https");
        assertThatIllegalArgumentException().isThrownBy(() -> new ServiceConfig("127.0.0.1", 0, Path.of("p"), Optional.empty(),
                Optional.empty(), Duration.ofSeconds(2), Duration.ofSeconds(60), 0, false, Optional.empty()))
                .withMessageContaining("cache size must be at least 1 byte");
        assertThatIllegalArgumentException().isThrownBy(() -> new ServiceConfig("127.0.0.1", 0, Path.of("p"), Optional.empty(),
                Optional.empty(), Duration.ZERO, Duration.ofSeconds(60), 1, false, Optional.empty()))
                .withMessageContaining("reload interval must be positive");
    }
}
