package org.mailautoconf.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.net.HostAndPort;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PageBaseTest {

    private static final Optional<URI> PUBLIC = Optional.of(URI.create("https://autodiscover.example.org"));

    @Test
    void of_plainHttpOnLoopback_httpWithPort() {
        assertThat(PageBase.of(false, HostAndPort.create("127.0.0.1", 8080), Optional.empty()))
                .hasValue(URI.create("http://127.0.0.1:8080"));
    }

    @Test
    void of_behindTheTlsProxy_httpsOnTheRequestedHost() {
        assertThat(PageBase.of(false, HostAndPort.create("autoconfig.polito.it", -1), PUBLIC))
                .hasValue(URI.create("https://autoconfig.polito.it"));
    }

    @Test
    void of_ownTls_httpsWithoutTheDefaultPort() {
        assertThat(PageBase.of(true, HostAndPort.create("autoconfig.polito.it", 443), Optional.empty()))
                .hasValue(URI.create("https://autoconfig.polito.it"));
        assertThat(PageBase.of(true, HostAndPort.create("[::1]", 8443), Optional.empty()))
                .hasValue(URI.create("https://[::1]:8443"));
    }

    @Test
    void of_hostThatIsNotAName_none() {
        assertThat(PageBase.of(false, HostAndPort.create("evil.example/x?y=", 80), Optional.empty())).isEmpty();
        assertThat(PageBase.of(false, HostAndPort.create("user@evil.example", 80), Optional.empty())).isEmpty();
        assertThat(PageBase.of(false, HostAndPort.create("", 80), Optional.empty())).isEmpty();
        assertThat(PageBase.of(false, null, Optional.empty())).isEmpty();
    }
}
