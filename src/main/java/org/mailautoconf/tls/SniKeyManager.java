package org.mailautoconf.tls;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Chooses the certificate for each handshake by the name the client sent (SNI), from the set
 * published last: a new set is used from the next handshake on, and handshakes already under
 * way finish with the one they chose. A server-side key manager only; it offers no client keys.
 */
public final class SniKeyManager extends X509ExtendedKeyManager {

    /** The set in use and the one before, so an alias chosen just before a swap still resolves. */
    private record Generation(CertificateSet current, CertificateSet previous) {}

    private final AtomicReference<Generation> sets = new AtomicReference<>(new Generation(CertificateSet.empty(), CertificateSet.empty()));

    public void publish(CertificateSet set) {
        sets.updateAndGet(g -> new Generation(set, g.current()));
    }

    public CertificateSet current() {
        return sets.get().current();
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return choose(keyType, engine == null ? null : engine.getHandshakeSession());
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return choose(keyType, socket instanceof SSLSocket s ? s.getHandshakeSession() : null);
    }

    private String choose(String keyType, SSLSession handshake) {
        List<CertifiedKey> offered = current().forName(serverName(handshake));
        for (CertifiedKey c : offered) {
            if (c.key().getAlgorithm().equals(keyType)) {
                return CertificateSet.alias(c);
            }
        }
        return null;
    }

    private static Optional<String> serverName(SSLSession handshake) {
        if (handshake instanceof ExtendedSSLSession e) {
            for (SNIServerName n : e.getRequestedServerNames()) {
                if (n instanceof SNIHostName h) {
                    return Optional.of(h.getAsciiName());
                }
            }
        }
        return Optional.empty();
    }

    private Optional<CertifiedKey> byAlias(String alias) {
        Generation g = sets.get();
        return g.current().byAlias(alias).or(() -> g.previous().byAlias(alias));
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return byAlias(alias).map(c -> c.chain().toArray(X509Certificate[]::new)).orElse(null);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return byAlias(alias).map(CertifiedKey::key).orElse(null);
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return current().all().stream().filter(c -> c.key().getAlgorithm().equals(keyType)).map(CertificateSet::alias).toArray(String[]::new);
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return null;
    }
}
