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

    private static final String PATH = "/mail/config-v1.1.xml";
    private static final String WELL_KNOWN = "/.well-known/autoconfig/mail/config-v1.1.xml";

    private ThunderbirdPath() {
    }

    static ClientReport run(Probe p) throws Dns.Unreachable {
        Client c = Client.THUNDERBIRD;
        Optional<String> address = Optional.of(p.address.toString());
        String d = p.domain();
        List<StepResult> steps = new ArrayList<>();
        boolean found = accepted(steps, AutoconfigStep.run(p, c, "https autoconfig." + d, AutoconfigStep.url("https", "autoconfig." + d, PATH, address)))
                || accepted(steps, AutoconfigStep.run(p, c, "https " + d + " .well-known", AutoconfigStep.url("https", d, WELL_KNOWN, address)))
                || accepted(steps, AutoconfigStep.run(p, c, "http autoconfig." + d, AutoconfigStep.url("http", "autoconfig." + d, PATH, address)))
                || accepted(steps, AutoconfigStep.run(p, c, "http " + d + " .well-known", AutoconfigStep.url("http", d, WELL_KNOWN, address)))
                || mx(p, c, address, steps)
                || accepted(steps, PoxStep.run(p, c, "Exchange: https autodiscover." + d, PoxStep.url("https", "autodiscover." + d), List.of()))
                || accepted(steps, PoxStep.run(p, c, "Exchange: https " + d, PoxStep.url("https", d), List.of()))
                || accepted(steps, PoxStep.run(p, c, "Exchange: http autodiscover." + d, PoxStep.url("http", "autodiscover." + d), List.of()))
                || accepted(steps, SrvStep.autodiscover(p, c, true));
        return ClientReport.firstAccepted(c, steps);
    }

    /** The MX-based lookup, shared with Thunderbird for Android (which sends no address). */
    static boolean mx(Probe p, Client c, Optional<String> address, List<StepResult> steps) throws Dns.Unreachable {
        MxDomains.Lookup mx = MxDomains.lookup(p.dns, p.domain());
        if (mx.domains().isEmpty()) {
            steps.add(p.report(new StepResult(c.title(), "MX lookup", "MX " + p.domain(), mx.mxHost().isEmpty() ? "no MX record"
                    : "MX " + mx.mxHost() + " is in the address's own domain: not asked", false, Optional.empty(), Optional.empty(), List.of())));
            return false;
        }
        for (String domain : mx.domains()) {
            if (accepted(steps, AutoconfigStep.run(p, c, "MX " + mx.mxHost() + ": https autoconfig." + domain,
                    AutoconfigStep.url("https", "autoconfig." + domain, PATH, address)))) {
                return true;
            }
        }
        return false;
    }

    static boolean accepted(List<StepResult> steps, StepResult step) {
        steps.add(step);
        return step.accepted();
    }

    static String wellKnown() {
        return WELL_KNOWN;
    }

    static String path() {
        return PATH;
    }
}
