package org.mailautoconf.check;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Optional;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * What the check trusts: the JVM's trust store (what public clients roughly trust) plus the
 * certificates of {@code --ca}. Adding rather than replacing means a deployment with a public
 * certificate still passes when a private CA is named for another name; a certificate that only
 * {@code --ca} makes valid will not be trusted by clients that lack that CA, which the admin knows.
 */
final class TrustAnchors {

    private TrustAnchors() {
    }

    static X509TrustManager load(Optional<Path> ca) {
        try {
            TrustManagerFactory system = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            system.init((KeyStore) null);
            if (ca.isEmpty()) {
                return first(system);
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int n = 0;
            for (X509Certificate anchor : first(system).getAcceptedIssuers()) {
                store.setCertificateEntry("system-" + n++, anchor);
            }
            Collection<? extends Certificate> given;
            try (InputStream in = Files.newInputStream(ca.get())) {
                given = CertificateFactory.getInstance("X.509").generateCertificates(in);
            }
            if (given.isEmpty()) {
                throw new IllegalArgumentException("--ca " + ca.get() + ": no certificate in the file");
            }
            for (Certificate c : given) {
                store.setCertificateEntry("ca-" + n++, c);
            }
            TrustManagerFactory both = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            both.init(store);
            return first(both);
        } catch (IOException e) {
            throw new IllegalArgumentException("--ca " + ca.orElseThrow() + ": cannot read: " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("--ca " + ca.map(Path::toString).orElse("") + ": not PEM certificates: " + e.getMessage());
        }
    }

    private static X509TrustManager first(TrustManagerFactory f) {
        for (var tm : f.getTrustManagers()) {
            if (tm instanceof X509TrustManager x) {
                return x;
            }
        }
        throw new IllegalStateException("the JVM offers no X.509 trust manager");
    }
}
