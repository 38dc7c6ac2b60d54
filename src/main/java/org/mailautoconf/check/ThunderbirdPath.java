package org.mailautoconf.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Thunderbird desktop's discovery (FindConfig.sys.mjs parallelAutoDiscovery, FetchConfig.sys.mjs,
 * ExchangeAutoDiscover.sys.mjs; formats.md A.3 and B.5), in its priority order: the first answer
 * it accepts wins. The ISPDB (Mozilla's own database) is outside the provider's hands and not asked.
 */
final class ThunderbirdPath {

    static final String PATH = "/mail/config-v1.1.xml";
    static final String WELL_KNOWN = "/.well-known/autoconfig/mail/config-v1.1.xml";

    private ThunderbirdPath() {
    }

    static ClientReport run(Probe p) throws Dns.Unreachable {
        Client c = Client.THUNDERBIRD;
        Optional<String> address = Optional.of(p.address.toString());
        String d = p.domain();
        List<Order.Steps> order = new ArrayList<>(autoconfig(p, c, address));
        order.add(() -> mx(p, c, address));
        order.add(Order.one(() -> PoxStep.run(p, c, "Exchange: https autodiscover." + d, PoxStep.url("https", "autodiscover." + d), List.of())));
        order.add(Order.one(() -> PoxStep.run(p, c, "Exchange: https " + d, PoxStep.url("https", d), List.of())));
        order.add(Order.one(() -> PoxStep.run(p, c, "Exchange: http autodiscover." + d, PoxStep.url("http", "autodiscover." + d), List.of())));
        order.add(Order.one(() -> SrvStep.autodiscover(p, c, true)));
        return Order.firstAccepted(c, order);
    }

    /** The four provider URLs: https then http, each on autoconfig.<domain> then the domain's .well-known. */
    static List<Order.Steps> autoconfig(Probe p, Client c, Optional<String> address) {
        String d = p.domain();
        List<Order.Steps> out = new ArrayList<>();
        for (String scheme : List.of("https", "http")) {
            out.add(Order.one(() -> AutoconfigStep.run(p, c, scheme + " autoconfig." + d, AutoconfigStep.url(scheme, "autoconfig." + d, PATH, address))));
            out.add(Order.one(() -> AutoconfigStep.run(p, c, scheme + " " + d + " .well-known", AutoconfigStep.url(scheme, d, WELL_KNOWN, address))));
        }
        return out;
    }

    /** The MX-based lookup, shared with Thunderbird for Android (which sends no address). */
    static List<StepResult> mx(Probe p, Client c, Optional<String> address) throws Dns.Unreachable {
        MxDomains.Lookup mx = MxDomains.lookup(p.dns, p.domain());
        if (mx.domains().isEmpty()) {
            return List.of(p.report(new StepResult(c.title(), "MX lookup", "MX " + p.domain(), mx.mxHost().isEmpty() ? "no MX record"
                    : "MX " + mx.mxHost() + " is in the address's own domain: not asked", false, Optional.empty(), Optional.empty(), List.of())));
        }
        List<StepResult> steps = new ArrayList<>();
        for (String domain : mx.domains()) {
            StepResult s = AutoconfigStep.run(p, c, "MX " + mx.mxHost() + ": https autoconfig." + domain,
                    AutoconfigStep.url("https", "autoconfig." + domain, PATH, address));
            steps.add(s);
            if (s.accepted()) {
                break;
            }
        }
        return steps;
    }
}
