package org.mailautoconf.dns;

import java.util.ArrayList;
import java.util.List;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.LoginTemplate;
import org.mailautoconf.registry.Registry;
import org.mailautoconf.registry.Server;

/** Registry → records: pure, the same registry and options give the same plan. */
public final class RecordPlanner {

    public static final int DEFAULT_TTL = 3600;

    private final List<RecordSource> sources;

    public RecordPlanner(List<RecordSource> sources) {
        this.sources = List.copyOf(sources);
    }

    /** The sources of this release: the discovery names, RFC 6186, PACC, RFC 6764. */
    public static RecordPlanner standard() {
        return new RecordPlanner(List.of(new DiscoveryRecords(), new MailServiceRecords(), new PaccRecords(), new DavRecords()));
    }

    /** The plan for one domain, or empty when no provider (nor the default one) serves it. */
    public java.util.Optional<RecordPlan> plan(Registry registry, DomainName domain, PublicHost publicHost, int ttl) {
        return registry.providerFor(domain).map(match -> {
            var provider = match.provider();
            boolean hosted = match.kind() == Registry.MatchKind.DEFAULT || usesDomainPlaceholder(provider.incoming())
                    || usesDomainPlaceholder(provider.outgoing());
            List<DnsRecord> records = new ArrayList<>();
            sources.forEach(s -> records.addAll(s.records(provider, domain, publicHost, ttl)));
            return new RecordPlan(domain, provider.id(), hosted, records);
        });
    }

    /** Every exact domain the registry's providers list, in file order (wildcards have no zone of their own). */
    public static List<DomainName> allDomains(Registry registry) {
        return registry.providers().stream().flatMap(p -> p.domains().stream()).filter(d -> !d.wildcard())
                .map(d -> d.name()).toList();
    }

    private static boolean usesDomainPlaceholder(List<? extends Server> servers) {
        return servers.stream().anyMatch(s -> s.hostname().contains(LoginTemplate.EMAILDOMAIN));
    }
}
