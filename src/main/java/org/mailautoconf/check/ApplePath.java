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
        URI page = URI.create("https://" + host + "/");
        Web.Fetch fetch = p.get(page);
        Optional<StepResult> wrong = p.misdirected(c, "setup page", p.asked("GET", page), fetch, List.of());
        if (wrong.isPresent()) {
            steps.add(wrong.get());
        } else if (fetch.failure().isPresent()) {
            steps.add(p.failed(c, "setup page", p.asked("GET", page), fetch, List.of()));
        } else {
            HttpAnswer a = fetch.answer().get();
            boolean ok = a.status() == 200 && a.contentType().startsWith("text/html");
            steps.add(p.report(new StepResult(c.title(), "setup page", p.asked("GET", page), a.summary(), ok, Optional.empty(),
                    ok ? Optional.empty() : Optional.of("serve mailautoconf's setup page at " + page), p.notes(page, a))));
        }
        steps.add(profile(p, c, URI.create("https://" + host + "/mobileconfig/" + Probe.urlEncoded(p.address.toString()))));
        return ClientReport.allNeeded(c, steps);
    }

    private static StepResult profile(Probe p, Client c, URI uri) throws Dns.Unreachable {
        String asked = p.asked("GET", uri);
        Web.Fetch fetch = p.get(uri);
        Optional<StepResult> wrong = p.misdirected(c, "profile", asked, fetch, List.of());
        if (wrong.isPresent()) {
            return wrong.get();
        }
        if (fetch.failure().isPresent()) {
            return p.failed(c, "profile", asked, fetch, List.of());
        }
        HttpAnswer a = fetch.answer().get();
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
                difference.map(d -> d + ": deploy this registry at " + uri.getHost()), notes));
    }
}
