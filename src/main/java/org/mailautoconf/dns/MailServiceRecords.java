package org.mailautoconf.dns;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.IncomingProtocol;
import org.mailautoconf.registry.LoginTemplate;
import org.mailautoconf.registry.Provider;
import org.mailautoconf.registry.Security;
import org.mailautoconf.registry.Server;

/**
 * RFC 6186 and RFC 8314 SRV records for the provider's own servers, in the provider file's order
 * (the priority: lower is preferred, and ranks IMAP against POP3 too, RFC 6186 §3.4). A service
 * the provider does not offer gets target "." so that clients do not try its default port.
 */
public final class MailServiceRecords implements RecordSource {

    /** The six services, in the order the plan lists them. */
    public static final List<String> SERVICES = List.of("_imaps", "_imap", "_pop3s", "_pop3", "_submissions", "_submission");

    static final List<String> READERS = List.of("FairEmail", "Evolution", "aerc", "other RFC 6186 readers");

    /** The RFC 6186/8314 service label of a server: {@code _imaps} for IMAP with implicit TLS... */
    public static String service(Server server) {
        String base;
        if (server instanceof org.mailautoconf.registry.IncomingServer in) {
            base = in.protocol() == IncomingProtocol.IMAP ? "_imap" : "_pop3";
        } else {
            base = "_submission";
        }
        return server.security() == Security.TLS ? base + "s" : base;
    }

    /** A host name with {@code %EMAILDOMAIN%} filled in for the domain; empty if it depends on the address. */
    public static java.util.Optional<String> hostFor(Server server, DomainName domain) {
        String host = server.hostname().replace(LoginTemplate.EMAILDOMAIN, domain.ascii());
        return host.indexOf('%') >= 0 ? java.util.Optional.empty() : java.util.Optional.of(host);
    }

    @Override
    public List<DnsRecord> records(Provider provider, DomainName domain, PublicHost publicHost, int ttl) {
        Map<String, List<RecordData.Service>> byService = new LinkedHashMap<>();
        SERVICES.forEach(s -> byService.put(s, new ArrayList<>()));
        collect(provider.incoming(), domain, byService);
        collect(provider.outgoing(), domain, byService);
        List<DnsRecord> out = new ArrayList<>();
        for (var e : byService.entrySet()) {
            String owner = e.getKey() + "._tcp." + domain.ascii();
            if (e.getValue().isEmpty()) {
                out.add(new DnsRecord(owner, ttl, RecordData.Service.notOffered(), READERS,
                        "not offered: a client that finds this does not try the default port"));
            }
            for (RecordData.Service srv : e.getValue()) {
                out.add(new DnsRecord(owner, ttl, srv, READERS, "the provider file's server " + srv.target() + ":" + srv.port()));
            }
        }
        return out;
    }

    private static void collect(List<? extends Server> servers, DomainName domain, Map<String, List<RecordData.Service>> byService) {
        for (int i = 0; i < servers.size(); i++) {
            Server s = servers.get(i);
            int priority = i * 10;
            hostFor(s, domain).ifPresent(host -> byService.get(service(s)).add(new RecordData.Service(priority, 1, s.port(), host)));
        }
    }
}
