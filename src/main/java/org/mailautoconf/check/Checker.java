package org.mailautoconf.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.mailautoconf.dns.PublicHost;
import org.mailautoconf.dns.RecordPlan;
import org.mailautoconf.dns.RecordPlanner;
import org.mailautoconf.registry.EmailAddress;
import org.mailautoconf.registry.Registry;
import org.xbill.DNS.Type;

/**
 * Replays each client's discovery for one address against live DNS and HTTPS, and compares what
 * comes back with what this registry answers. Clients run one after another (a check is a few
 * dozen requests; order keeps progress readable).
 */
public final class Checker {

    private final Registry registry;
    private final CheckSettings settings;

    public Checker(Registry registry, CheckSettings settings) {
        this.registry = registry;
        this.settings = settings;
    }

    /**
     * @return empty when no provider (nor the default one) serves the address's domain
     * @throws Dns.Unreachable when the DNS server does not answer: nothing else can be checked
     * @throws IllegalArgumentException when {@code --ca} cannot be read
     */
    public Optional<CheckReport> check(EmailAddress address, Consumer<StepResult> progress) throws Dns.Unreachable {
        var match = registry.providerFor(address.domain());
        if (match.isEmpty()) {
            return Optional.empty();
        }
        Dns dns = new Dns(settings);
        Web web = new Web(dns, settings);
        // One question first: if the server is down, say so once, within one timeout.
        dns.query(address.domain().ascii(), Type.SOA);
        // The fixes name the records `mailautoconf dns` would print; without a public host, the
        // name the autodiscover SRV record points at stands in for it.
        String publicHost = settings.publicHost().orElse("<the service's public host>");
        RecordPlan plan = RecordPlanner.standard().plan(registry, address.domain(), new PublicHost(publicHost, List.of()),
                RecordPlanner.DEFAULT_TTL).orElseThrow();
        Probe p = new Probe(dns, web, settings, address, new Expected(match.get().provider(), address), plan, progress);
        List<ClientReport> clients = new ArrayList<>();
        clients.add(ThunderbirdPath.run(p));
        clients.add(AndroidPath.run(p));
        clients.add(OutlookPath.run(p));
        clients.add(AutodetectPath.run(p));
        clients.add(ApplePath.run(p));
        clients.add(SrvStep.rfc6186(p));
        clients.add(PaccPath.run(p));
        return Optional.of(new CheckReport(address.domain().ascii(), match.get().provider().id(), dns.server(), clients));
    }
}
