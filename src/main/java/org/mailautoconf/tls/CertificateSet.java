package org.mailautoconf.tls;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The certificates served at one moment, indexed for the handshake: the exact name first, then
 * a wildcard for it, then the default. Immutable; a reload builds a new one.
 *
 * <p>The default, for a client that sends no SNI or a name no certificate covers, is the
 * certificate covering the public host ({@code --public-url}), else the first by label.
 */
public final class CertificateSet {

    private final Map<String, List<CertifiedKey>> exact = new HashMap<>();
    private final Map<String, List<CertifiedKey>> wildcard = new HashMap<>();
    private final Map<String, CertifiedKey> byAlias = new HashMap<>();
    private final List<CertifiedKey> all;
    private final List<CertifiedKey> fallback;

    /** Among certificates for one name, the one valid longest comes first. */
    private static final Comparator<CertifiedKey> LONGEST = Comparator.comparing(CertifiedKey::notAfter).reversed();

    public CertificateSet(List<CertifiedKey> certificates, Optional<String> publicHost) {
        this.all = certificates.stream().sorted(Comparator.comparing(CertifiedKey::label)).toList();
        for (CertifiedKey c : all) {
            byAlias.put(alias(c), c);
            for (String n : c.names()) {
                (n.startsWith("*.") ? wildcard : exact).computeIfAbsent(n.startsWith("*.") ? n.substring(2) : n, k -> new ArrayList<>()).add(c);
            }
        }
        exact.values().forEach(l -> l.sort(LONGEST));
        wildcard.values().forEach(l -> l.sort(LONGEST));
        Optional<String> host = publicHost.map(h -> h.toLowerCase(Locale.ROOT));
        List<CertifiedKey> forHost = host.map(this::named).orElse(List.of());
        this.fallback = !forHost.isEmpty() ? forHost : all.isEmpty() ? List.of() : List.of(all.get(0));
    }

    public static CertificateSet empty() {
        return new CertificateSet(List.of(), Optional.empty());
    }

    public List<CertifiedKey> all() {
        return all;
    }

    /**
     * The certificates to offer a client asking for {@code serverName}, best first; empty name:
     * no SNI. A name no certificate covers gets the default.
     */
    public List<CertifiedKey> forName(Optional<String> serverName) {
        List<CertifiedKey> named = serverName.map(n -> named(n.toLowerCase(Locale.ROOT))).orElse(List.of());
        return named.isEmpty() ? fallback : named;
    }

    /** The key manager's name of a certificate: its label and the leaf's serial, so a replaced file gets a new alias. */
    static String alias(CertifiedKey c) {
        return c.label() + "#" + c.leaf().getSerialNumber().toString(16);
    }

    Optional<CertifiedKey> byAlias(String alias) {
        return Optional.ofNullable(byAlias.get(alias));
    }

    private List<CertifiedKey> named(String host) {
        List<CertifiedKey> e = exact.get(host);
        if (e != null) {
            return e;
        }
        int dot = host.indexOf('.');
        List<CertifiedKey> w = dot > 0 ? wildcard.get(host.substring(dot + 1)) : null;
        return w != null ? w : List.of();
    }
}
