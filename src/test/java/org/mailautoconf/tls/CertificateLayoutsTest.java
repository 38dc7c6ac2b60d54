package org.mailautoconf.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailautoconf.testing.TestPki;

/** The layouts certbot, Kubernetes secrets and flat directories have, read without renaming anything. */
class CertificateLayoutsTest {

    private static final TestPki.Issued CA = TestPki.rootCa("layout test CA");

    @TempDir
    Path dir;

    private CertificateStore store(Path d) {
        CertificateStore s = new CertificateStore(new CertificateDirectory(d), Clock.systemUTC());
        s.load();
        return s;
    }

    private static List<String> labels(CertificateStore s) {
        return s.certificates().stream().map(CertifiedKey::label).sorted().toList();
    }

    /** certbot: live/NAME/{fullchain,privkey}.pem are symlinks to archive/NAME/{fullchain,privkey}N.pem. */
    private void certbotLineage(Path root, String name, int n, TestPki.Issued leaf) throws Exception {
        Path archive = root.resolve("archive/" + name);
        TestCertificates.write(leaf, archive.resolve("fullchain" + n + ".pem"), archive.resolve("privkey" + n + ".pem"), CA.certificate());
        Path live = root.resolve("live/" + name);
        Files.createDirectories(live);
        for (String f : List.of("fullchain", "privkey")) {
            Path link = live.resolve(f + ".pem");
            Path tmp = live.resolve(f + ".tmp");
            Files.createSymbolicLink(tmp, Path.of("../../archive/" + name + "/" + f + n + ".pem"));
            Files.move(tmp, link, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    @Test
    void certbot_readsEachLineage_fromTheConfigDirOrItsLive_andFollowsARenewal() throws Exception {
        TestPki.Issued org = TestCertificates.server(CA, "autoconfig.example.org");
        certbotLineage(dir, "example.org", 1, org);
        certbotLineage(dir, "example.net", 1, TestCertificates.server(CA, "autoconfig.example.net"));
        Files.createDirectories(dir.resolve("renewal"));
        Files.writeString(dir.resolve("renewal/example.org.conf"), "version = 2\n");

        CertificateStore fromConfigDir = store(dir);
        assertThat(labels(fromConfigDir)).containsExactly("example.net", "example.org");
        assertThat(fromConfigDir.certificates().get(0).chain()).as("fullchain: leaf and CA").hasSize(2);
        assertThat(labels(store(dir.resolve("live")))).containsExactly("example.net", "example.org");
        assertThat(labels(store(dir.resolve("live/example.org")))).containsExactly("example.org");

        // certbot renew: new files in archive/, the symlinks moved.
        TestPki.Issued renewed = TestCertificates.server(CA, "autoconfig.example.org");
        certbotLineage(dir, "example.org", 2, renewed);
        assertThat(fromConfigDir.checkForChanges()).as("first sight of the change: wait for quiet").isFalse();
        assertThat(fromConfigDir.checkForChanges()).isTrue();
        assertThat(leaf(fromConfigDir, "example.org")).isEqualTo(renewed.certificate());
    }

    @Test
    void kubernetesSecret_asTheDirectoryOrOneSubdirectoryEach_followsTheDataSwap() throws Exception {
        TestPki.Issued first = TestCertificates.server(CA, "autoconfig.example.org");
        Path secret = dir.resolve("autoconfig-tls");
        kubernetesSecret(secret, "..2026_01_01_00_00_00.1", first);
        kubernetesSecret(dir.resolve("autodiscover-tls"), "..2026_01_01_00_00_00.2", TestCertificates.server(CA, "autodiscover.example.org"));

        assertThat(labels(store(secret))).containsExactly("autoconfig-tls");
        CertificateStore all = store(dir);
        assertThat(labels(all)).containsExactly("autoconfig-tls", "autodiscover-tls");

        TestPki.Issued second = TestCertificates.server(CA, "autoconfig.example.org");
        kubernetesSecret(secret, "..2026_02_01_00_00_00.3", second);
        all.checkForChanges();
        assertThat(all.checkForChanges()).isTrue();
        assertThat(leaf(all, "autoconfig-tls")).isEqualTo(second.certificate());
    }

    /** What the kubelet does: files in a timestamped directory, {@code ..data} swapped to it, stable names linked through it. */
    private static void kubernetesSecret(Path secret, String version, TestPki.Issued leaf) throws Exception {
        TestCertificates.write(leaf, secret.resolve(version + "/tls.crt"), secret.resolve(version + "/tls.key"));
        Files.writeString(secret.resolve(version + "/ca.crt"), TestPki.pem(CA.certificate()));
        Path tmp = secret.resolve("..data_tmp");
        Files.createSymbolicLink(tmp, Path.of(version));
        Files.move(tmp, secret.resolve("..data"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        for (String f : List.of("tls.crt", "tls.key", "ca.crt")) {
            if (!Files.exists(secret.resolve(f), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.createSymbolicLink(secret.resolve(f), Path.of("..data/" + f));
            }
        }
    }

    @Test
    void flat_pairsByName_orOneFileWithChainAndKey() throws Exception {
        TestCertificates.write(TestCertificates.server(CA, "autoconfig.example.org"), dir.resolve("example.org.crt"), dir.resolve("example.org.key"));
        TestCertificates.write(TestCertificates.server(CA, "autoconfig.example.com"), dir.resolve("example.com.pem"), dir.resolve("example.com.key"));
        TestPki.Issued both = TestCertificates.server(CA, "autoconfig.example.net");
        TestCertificates.writePrivate(dir.resolve("example.net.pem"),
                TestPki.pem(both.certificate()) + TestPki.pem(CA.certificate()) + TestCertificates.pkcs8(both.keys().getPrivate()));
        Files.writeString(dir.resolve("README"), "not a certificate\n");

        CertificateStore s = store(dir);
        assertThat(labels(s)).containsExactly("example.com", "example.net", "example.org");
        assertThat(leaf(s, "example.net")).isEqualTo(both.certificate());
        CertificateSet set = new CertificateSet(s.certificates(), Optional.empty());
        assertThat(set.forName(Optional.of("AUTOCONFIG.EXAMPLE.NET")).get(0).label()).as("names are matched ignoring case").isEqualTo("example.net");
    }

    private static java.security.cert.X509Certificate leaf(CertificateStore s, String label) {
        return s.certificates().stream().filter(c -> c.label().equals(label)).findFirst().orElseThrow().leaf();
    }
}
