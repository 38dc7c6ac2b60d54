package org.mailautoconf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceConfigTest {

    private static final ServiceConfig CUSTOM = ServiceConfig.defaults().withListen("0.0.0.0", 9000).withProvidersDir(Path.of("p"))
            .withDefaultProvider(Optional.of("x")).withReloadInterval(Duration.ofSeconds(5)).withCacheBytes(1234).withAccessLog(true)
            .withProfileSigning(Optional.of(new ProfileSigning(Path.of("c.pem"), Path.of("k.pem"), Optional.empty())))
            .withManagement(Optional.of(HostPort.parse("127.0.0.1:9090"))).withStateDir(Optional.of(Path.of("/var/lib/m")))
            .withHoster(new HosterSettings(java.util.List.of(HostPort.parse("127.0.0.1:5353")), Duration.ofSeconds(1),
                    Duration.ZERO, Duration.ofMinutes(5), Duration.ofSeconds(5), 10, 5, 0, 1))
            .withDirectories(Optional.of(Path.of("/etc/mailautoconf/directories.yaml")));

    @Test
    void withers_changeTheirOneFieldAndKeepEveryOther() {
        ServiceConfig c = CUSTOM.withPort(0).withProvidersDir(Path.of("q"))
                .withPublicBaseUrl(Optional.of(URI.create("https://autoconfig.example.net")));
        assertThat(c).isEqualTo(new ServiceConfig("0.0.0.0", 0, Path.of("q"), Optional.of("x"),
                Optional.of(URI.create("https://autoconfig.example.net")), Duration.ofSeconds(5), Duration.ofMinutes(5),
                1234, true, CUSTOM.profileSigning(), CUSTOM.connections(), Optional.of(new HostPort("127.0.0.1", 9090)),
                CUSTOM.logging(), CUSTOM.signingLimits(), Optional.of(Path.of("/var/lib/m")), Optional.empty(),
                CUSTOM.hoster(), Optional.of(Path.of("/etc/mailautoconf/directories.yaml")), CUSTOM.warmUp()));
        assertThat(CUSTOM.hoster().resolvers()).containsExactly(new HostPort("127.0.0.1", 5353));
        assertThat(CUSTOM.withProfileSigning(Optional.empty()).cacheBytes()).isEqualTo(1234);
    }

    @Test
    void badValues_areRefusedNamingTheField() {
        assertThatIllegalArgumentException().isThrownBy(() -> CUSTOM.withPort(70000)).withMessageContaining("port must be 0..65535");
        assertThatIllegalArgumentException().isThrownBy(() -> CUSTOM.withPublicBaseUrl(Optional.of(URI.create("http://x.example"))))
                .withMessageContaining("https");
        assertThatIllegalArgumentException().isThrownBy(() -> CUSTOM.withCacheBytes(0))
                .withMessageContaining("cache size must be at least 1 byte");
        assertThatIllegalArgumentException().isThrownBy(() -> CUSTOM.withReloadInterval(Duration.ZERO))
                .withMessageContaining("reload interval must be positive");
        assertThatIllegalArgumentException().isThrownBy(() -> CUSTOM.withHoster(new HosterSettings(java.util.List.of(),
                Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, 1, 1, 0, 1))).withMessageContaining("--mx-timeout");
        assertThatIllegalArgumentException().isThrownBy(() -> CUSTOM.withHoster(new HosterSettings(java.util.List.of(),
                Duration.ofSeconds(2), Duration.ofHours(2), Duration.ofHours(1), Duration.ZERO, 1, 1, 0, 1))).withMessageContaining("--mx-min-ttl");
    }

    @Test
    void hostPort_readsV4AndBracketedV6_andNamesWhatIsWrong() {
        assertThat(HostPort.parse("127.0.0.1:9090")).isEqualTo(new HostPort("127.0.0.1", 9090));
        assertThat(HostPort.parse("[::1]:443")).isEqualTo(new HostPort("::1", 443));
        assertThat(HostPort.parse("[::1]:443")).hasToString("[::1]:443");
        assertThatIllegalArgumentException().isThrownBy(() -> HostPort.parse("::1:443")).withMessageContaining("brackets");
        assertThatIllegalArgumentException().isThrownBy(() -> HostPort.parse("localhost")).withMessageContaining("ADDRESS:PORT");
        assertThatIllegalArgumentException().isThrownBy(() -> HostPort.parse("localhost:http")).withMessageContaining("number");
        assertThatIllegalArgumentException().isThrownBy(() -> HostPort.parse("localhost:70000")).withMessageContaining("0..65535");
    }
}
