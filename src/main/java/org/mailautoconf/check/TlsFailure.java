package org.mailautoconf.check;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Why a certificate was refused, in the words the report uses, from the chain the server sent. */
final class TlsFailure {

    private TlsFailure() {
    }

    static WebFailure explain(String host, X509Certificate[] chain, Exception cause, Instant now) {
        if (chain == null || chain.length == 0) {
            return new WebFailure(WebFailure.Kind.TLS, "TLS with " + host + " failed: " + message(cause),
                    "make the server for " + host + " speak TLS (1.2 or 1.3) with a certificate for " + host);
        }
        X509Certificate leaf = chain[0];
        if (leaf.getNotAfter().toInstant().isBefore(now)) {
            return new WebFailure(WebFailure.Kind.TLS_EXPIRED, "the certificate served for " + host + " expired on "
                    + leaf.getNotAfter().toInstant(), "renew the certificate for " + host);
        }
        if (leaf.getNotBefore().toInstant().isAfter(now)) {
            return new WebFailure(WebFailure.Kind.TLS_EXPIRED, "the certificate served for " + host + " is valid only from "
                    + leaf.getNotBefore().toInstant(), "serve a certificate valid now (or correct the server's clock)");
        }
        List<String> names = names(leaf);
        if (names.stream().noneMatch(n -> matches(n, host))) {
            return new WebFailure(WebFailure.Kind.TLS_NAME, "the certificate served for " + host + " does not name it (it names "
                    + String.join(", ", names) + ")", "serve a certificate that names " + host + " (add it to the certificate's names)");
        }
        return new WebFailure(WebFailure.Kind.TLS_UNTRUSTED, "the certificate served for " + host + " is not trusted ("
                + message(cause) + "; issuer " + leaf.getIssuerX500Principal().getName() + ")",
                "serve a certificate from a CA clients trust, with its intermediate certificates");
    }

    static List<String> names(X509Certificate cert) {
        List<String> out = new ArrayList<>();
        try {
            if (cert.getSubjectAlternativeNames() != null) {
                cert.getSubjectAlternativeNames().stream().filter(n -> (Integer) n.get(0) == 2).forEach(n -> out.add((String) n.get(1)));
            }
        } catch (CertificateParsingException e) {
            // names stay empty: reported as "names nothing"
        }
        return out;
    }

    /** RFC 6125: a wildcard covers exactly one left-most label. */
    static boolean matches(String pattern, String host) {
        String p = pattern.toLowerCase(Locale.ROOT);
        String h = host.toLowerCase(Locale.ROOT);
        if (p.startsWith("*.")) {
            int dot = h.indexOf('.');
            return dot > 0 && h.substring(dot + 1).equals(p.substring(2));
        }
        return p.equals(h);
    }

    private static String message(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
