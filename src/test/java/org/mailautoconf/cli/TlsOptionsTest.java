package org.mailautoconf.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.mailautoconf.HostPort;
import org.mailautoconf.ServiceConfig;
import picocli.CommandLine;

/** The https flags of {@code serve}: what they set, and the combinations refused with the flag named. */
class TlsOptionsTest {

    private static ServiceConfig parse(String... args) {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs(args);
        return serve.config();
    }

    @Test
    void withoutTlsListen_theServiceSpeaksPlainHttpOnly() {
        assertThat(parse().tls()).isEmpty();
    }

    @Test
    void certificateDirectoryAndAcme_areSetTogether() {
        var tls = parse("--tls-listen", "[::1]:8443", "--tls-cert-dir", "/etc/letsencrypt",
                "--acme-directory", "https://acme.example/dir", "--acme-email", "hostmaster@example.org", "--acme-accept-terms",
                "--acme-state-dir", "/var/lib/mailautoconf/acme").tls().orElseThrow();
        assertThat(tls.listen()).isEqualTo(new HostPort("::1", 8443));
        assertThat(tls.certificateDir()).contains(Path.of("/etc/letsencrypt"));
        var acme = tls.acme().orElseThrow();
        assertThat(acme.directory()).isEqualTo(URI.create("https://acme.example/dir"));
        assertThat(acme.email()).contains("hostmaster@example.org");
        assertThat(acme.stateDir()).isEqualTo(Path.of("/var/lib/mailautoconf/acme"));
        assertThat(acme.directoryTrust()).isEmpty();
    }

    @Test
    void incompleteCombinations_areRefused_namingTheFlag() {
        assertThatThrownBy(() -> parse("--tls-cert-dir", "/certs")).hasMessageContaining("--tls-listen");
        assertThatThrownBy(() -> parse("--tls-listen", "0.0.0.0:443")).hasMessageContaining("--tls-cert-dir");
        assertThatThrownBy(() -> parse("--tls-listen", "0.0.0.0:443", "--acme-directory", "https://acme.example/dir",
                "--acme-state-dir", "/s")).hasMessageContaining("--acme-accept-terms");
        assertThatThrownBy(() -> parse("--tls-listen", "0.0.0.0:443", "--acme-directory", "https://acme.example/dir",
                "--acme-accept-terms")).hasMessageContaining("--acme-state-dir");
        assertThatThrownBy(() -> parse("--tls-listen", "0.0.0.0:443", "--acme-directory", "http://acme.example/dir",
                "--acme-accept-terms", "--acme-state-dir", "/s")).hasMessageContaining("https URL");
        assertThatThrownBy(() -> parse("--tls-listen", "0.0.0.0:443", "--acme-directory", "https://acme.example/dir",
                "--acme-accept-terms", "--acme-state-dir", "/s", "--acme-email", "nobody")).hasMessageContaining("--acme-email");
        assertThatThrownBy(() -> parse("--tls-listen", "443", "--tls-cert-dir", "/certs")).hasMessageContaining("ADDRESS:PORT");
    }
}
