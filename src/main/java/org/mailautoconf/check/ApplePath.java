package org.mailautoconf.check;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Apple devices do not discover: the person opens the setup page and installs the profile. Both
 * must work over https at {@code autoconfig.<domain>} (docs/apple.md); a signed profile must
 * verify, and its signing certificate must not be near its end.
 */
final class ApplePath {

    private ApplePath() {
    }

    static ClientReport run(Probe p) throws Dns.Unreachable {
        Client c = Client.APPLE;
        String host = "autoconfig." + p.domain();
        List<StepResult> steps = new ArrayList<>();
        steps.add(page(p, c, URI.create("https://" + host + "/")));
        steps.add(profile(p, c, URI.create("https://" + host + "/mobileconfig/" + Probe.urlEncoded(p.address.toString()))));
        return ClientReport.allNeeded(c, steps);
    }

    private static StepResult page(Probe p, Client c, URI page) throws Dns.Unreachable {
        Probe.Got got = p.get(c, "setup page", page);
        if (got.failed().isPresent()) {
            return got.failed().get();
        }
        String asked = got.asked();
        HttpAnswer a = got.answer().get();
        boolean ok = a.status() == 200 && a.contentType().startsWith("text/html");
        return p.report(new StepResult(c.title(), "setup page", asked, a.summary(), ok, Optional.empty(),
                ok ? Optional.empty() : Optional.of("serve mailautoconf's setup page at " + page), p.notes(page, a)));
    }

    private static StepResult profile(Probe p, Client c, URI uri) throws Dns.Unreachable {
        Probe.Got got = p.get(c, "profile", uri);
        if (got.failed().isPresent()) {
            return got.failed().get();
        }
        String asked = got.asked();
        HttpAnswer a = got.answer().get();
        if (a.status() != 200 || !a.contentType().startsWith("application/x-apple-aspen-config")) {
            return p.report(new StepResult(c.title(), "profile", asked, a.summary(), false, Optional.empty(),
                    Optional.of("serve the profile at " + uri.getHost() + "/mobileconfig/ with Content-Type application/x-apple-aspen-config"),
                    List.of()));
        }
        ProfileReading.Read read = ProfileReading.read(a.body(), Instant.now());
        List<String> notes = new ArrayList<>(p.notes(uri, a));
        notes.addAll(read.notes());
        if (!read.refuses().isEmpty()) {
            return p.report(new StepResult(c.title(), "profile", asked, a.summary() + ": " + String.join("; ", read.refuses()), false,
                    Optional.empty(), Optional.of(String.join("; ", read.refuses())), notes));
        }
        Optional<String> difference = read.settings().differenceFrom(p.expected.profile());
        return p.report(new StepResult(c.title(), "profile", asked, a.summary(), true, Optional.of(difference.isEmpty()),
                p.redeploy(difference, uri.getHost()), notes));
    }
}
