package org.mailautoconf.tls;

import java.security.PrivateKey;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A certificate chain with its private key, as one source file (or pair) held them.
 *
 * @param label a name for logs and metrics taken from the files (certbot's lineage, the secret's
 *              directory, the file name), never from a request
 * @param names the DNS names of the leaf certificate, lower case; a wildcard as {@code *.example.org}
 */
public record CertifiedKey(String label, List<X509Certificate> chain, PrivateKey key, List<String> names) {

    public CertifiedKey {
        chain = List.copyOf(chain);
        names = List.copyOf(names);
    }

    public X509Certificate leaf() {
        return chain.get(0);
    }

    public Instant notBefore() {
        return leaf().getNotBefore().toInstant();
    }

    public Instant notAfter() {
        return leaf().getNotAfter().toInstant();
    }

    /** Whether a client asking for {@code host} (lower case) accepts this certificate. */
    public boolean covers(String host) {
        for (String n : names) {
            if (n.equals(host) || n.startsWith("*.") && host.indexOf('.') > 0 && host.substring(host.indexOf('.')).equals(n.substring(1))) {
                return true;
            }
        }
        return false;
    }

    /** The DNS names of a certificate's subjectAltName; a certificate with none names nothing. */
    static List<String> dnsNames(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        try {
            if (certificate.getSubjectAlternativeNames() != null) {
                for (List<?> entry : certificate.getSubjectAlternativeNames()) {
                    if (entry.size() == 2 && Integer.valueOf(2).equals(entry.get(0))) {
                        names.add(entry.get(1).toString().toLowerCase(Locale.ROOT));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            return List.of();
        }
        return names;
    }
}
