package org.mailautoconf.check;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Classic Outlook's probe order (MS-OXDISCO 3.1.5; formats.md B.5, G.4): POST to the root
 * domain, POST to {@code autodiscover.}, the HTTP redirect GET, the SRV record; it stops at the
 * first answer it accepts. (Active Directory's SCP and Microsoft 365's own check come first and
 * are outside the provider's DNS.)
 */
final class OutlookPath {

    private OutlookPath() {
    }

    static ClientReport run(Probe p) throws Dns.Unreachable {
        Client c = Client.OUTLOOK;
        String d = p.domain();
        return Order.firstAccepted(c, List.of(
                Order.one(() -> PoxStep.run(p, c, "https " + d, PoxStep.url("https", d), List.of())),
                Order.one(() -> PoxStep.run(p, c, "https autodiscover." + d, PoxStep.url("https", "autodiscover." + d), List.of())),
                Order.one(() -> redirect(p, c)),
                Order.one(() -> SrvStep.autodiscover(p, c, false))));
    }

    /** GET http://autodiscover.<domain>/Autodiscover/Autodiscover.xml must answer 302 to an https URL, where Outlook POSTs. */
    static StepResult redirect(Probe p, Client c) throws Dns.Unreachable {
        String step = "HTTP redirect from http://autodiscover." + p.domain();
        URI uri = URI.create("http://autodiscover." + p.domain() + "/Autodiscover/Autodiscover.xml");
        Probe.Got got = p.get(c, step, uri);
        if (got.failed().isPresent()) {
            return got.failed().get();
        }
        String asked = got.asked();
        HttpAnswer answer = got.answer().get();
        Optional<String> location = answer.header("location").filter(l -> l.startsWith("https://"));
        if (answer.status() != 302 || location.isEmpty()) {
            return p.report(new StepResult(c.title(), step, asked, answer.summary(), false, Optional.empty(),
                    Optional.of("answer " + uri + " with 302 to the https Autodiscover URL (mailautoconf does, with serve --public-url)"),
                    List.of()));
        }
        return PoxStep.run(p, c, step, URI.create(location.get()), List.of("302 to " + location.get() + " (Outlook asks the user first)"))
                .after(asked);
    }
}
