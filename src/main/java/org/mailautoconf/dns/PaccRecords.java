package org.mailautoconf.dns;

import java.util.ArrayList;
import java.util.List;
import org.mailautoconf.format.pacc.PaccRenderer;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.Provider;

/**
 * PACC's two records: the {@code ua-auto-config.} name that serves the document, and the
 * {@code _ua-auto-config} TXT record with the SHA-256 of the exact bytes served (the same
 * renderer the server uses). None for a provider PACC cannot express: it gets no document.
 */
public final class PaccRecords implements RecordSource {

    static final List<String> READERS = List.of("Evolution", "pimalaya clients", "PACC clients (" + PaccRenderer.DRAFT + ")");

    private final PaccRenderer pacc = new PaccRenderer();

    @Override
    public List<DnsRecord> records(Provider provider, DomainName domain, PublicHost publicHost, int ttl) {
        if (pacc.whyNot(provider).isPresent()) {
            return List.of();
        }
        List<DnsRecord> out = new ArrayList<>();
        String name = WellKnownNames.PACC_PREFIX + domain.ascii();
        DiscoveryRecords.name(out, name, publicHost, ttl, READERS,
                "PACC clients GET https://" + name + "/.well-known/user-agent-configuration.json");
        out.add(new DnsRecord("_" + name, ttl, new RecordData.Text(List.of(PaccRenderer.txt(pacc.render(provider, domain)))), READERS,
                "the SHA-256 of the document served now; a changed provider file changes it (publish old and new together"
                        + " during the change: docs/dns.md)"));
        return out;
    }
}
