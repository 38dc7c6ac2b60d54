package org.mailautoconf.dns;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.Provider;
import org.mailautoconf.registry.UrlService;

/**
 * RFC 6764's records for a provider with CalDAV or CardDAV: {@code _caldavs._tcp} and
 * {@code _carddavs._tcp} SRV records naming the service's host and port, and a TXT record
 * {@code path=<context path>} beside each (§4). Thunderbird desktop looks for them after mail
 * setup (on the address's domain); the {@code /.well-known/} redirects cover clients that skip TXT.
 */
public final class DavRecords implements RecordSource {

    static final List<String> READERS = List.of("Thunderbird (after mail setup)", "Evolution", "DAVx5", "other RFC 6764 clients");

    @Override
    public List<DnsRecord> records(Provider provider, DomainName domain, PublicHost publicHost, int ttl) {
        List<DnsRecord> out = new ArrayList<>();
        add(out, "_caldavs._tcp." + domain.ascii(), "calendars", provider.services().caldav(), ttl);
        add(out, "_carddavs._tcp." + domain.ascii(), "contacts", provider.services().carddav(), ttl);
        return out;
    }

    private static void add(List<DnsRecord> out, String owner, String what, Optional<UrlService> service, int ttl) {
        if (service.isEmpty()) {
            return;
        }
        URI url = service.get().url();
        int port = url.getPort() == -1 ? 443 : url.getPort();
        String path = url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        out.add(new DnsRecord(owner, ttl, new RecordData.Service(0, 1, port, url.getHost()), READERS,
                "RFC 6764: the " + what + " server, over TLS"));
        out.add(new DnsRecord(owner, ttl, new RecordData.Text(List.of("path=" + path)), READERS,
                "RFC 6764 §4: the context path of the " + what + " service"));
    }
}
