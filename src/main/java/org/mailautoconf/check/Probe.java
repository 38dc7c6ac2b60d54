package org.mailautoconf.check;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.mailautoconf.dns.DnsRecord;
import org.mailautoconf.dns.RecordPlan;
import org.mailautoconf.registry.EmailAddress;

/** What every client's path shares: the network, the address, the registry's answers and plan, progress. */
final class Probe {

    final Dns dns;
    final Web web;
    final CheckSettings settings;
    final EmailAddress address;
    final Expected expected;
    final RecordPlan plan;
    private final Consumer<StepResult> progress;

    Probe(Dns dns, Web web, CheckSettings settings, EmailAddress address, Expected expected, RecordPlan plan, Consumer<StepResult> progress) {
        this.dns = dns;
        this.web = web;
        this.settings = settings;
        this.address = address;
        this.expected = expected;
        this.plan = plan;
        this.progress = progress;
    }

    String domain() {
        return address.domain().ascii();
    }

    StepResult report(StepResult step) {
        progress.accept(step);
        return step;
    }

    /** The plan's records for a name, as the sentence that tells the admin to publish them. */
    Optional<String> publish(String owner) {
        List<DnsRecord> records = plan.records().stream().filter(r -> r.owner().equals(owner)).toList();
        if (records.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("publish " + String.join(" and ", records.stream()
                .map(r -> "`" + r.owner() + ". " + r.ttl() + " IN " + r.data().type() + " " + r.data().masterText() + "`").toList()));
    }

    /** The request as a report shows it; the address is the admin's own, written as {@code <address>} all the same. */
    String asked(String method, URI uri) {
        return masked(method + " " + uri);
    }

    /** The text with the address (plain or URL-encoded) written {@code <address>}: reports go to terminals and monitoring. */
    String masked(String text) {
        return text.replace(urlEncoded(address.toString()), "<address>").replace(address.toString(), "<address>");
    }

    /** The fix for an answer that differs from this registry's. */
    Optional<String> redeploy(Optional<String> difference, String host) {
        return difference.map(d -> masked(d) + ": deploy this registry at " + host);
    }

    static String urlEncoded(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A failed fetch as a step; the fix for a name that does not resolve comes from the record plan. */
    StepResult failed(Client client, String step, String asked, Web.Fetch fetch, List<String> notes) {
        WebFailure f = fetch.failure().orElseThrow();
        Optional<String> fix = f.kind() == WebFailure.Kind.NAME ? publish(fetch.uri().getHost()) : Optional.of(f.fix());
        return report(new StepResult(client.title(), step, asked, f.message(), false, Optional.empty(), fix.filter(s -> !s.isEmpty()), notes));
    }

    /**
     * Where the name leads, when the admin named the public host: a name of the plan that is an
     * alias of something else, or has other addresses, reaches another server than the service
     * (with {@code --connect} the check itself would not notice).
     */
    Optional<String> leadsElsewhere(Dns.Resolution r) throws Dns.Unreachable {
        if (settings.publicHost().isEmpty() || publish(r.name()).isEmpty()) {
            return Optional.empty();
        }
        String pub = settings.publicHost().get();
        if (r.name().equals(pub) || r.aliases().contains(pub)) {
            return Optional.empty();
        }
        Dns.Resolution target = dns.resolve(pub);
        if (target.addresses().stream().anyMatch(r.addresses()::contains)) {
            return Optional.empty();
        }
        return Optional.of(r.name() + " leads to " + (r.aliases().isEmpty() ? "" : r.finalName() + " ") + ips(r) + ", not to " + pub
                + " " + ips(target));
    }

    private static String ips(Dns.Resolution r) {
        return r.addresses().stream().map(java.net.InetAddress::getHostAddress).toList().toString();
    }

    /** The step as failed when its name leads elsewhere than the public host (checked before anything else about it). */
    Optional<StepResult> misdirected(Client c, String step, String asked, Web.Fetch fetch, List<String> notes) throws Dns.Unreachable {
        if (!fetch.resolution().resolves()) {
            return Optional.empty();
        }
        Optional<String> elsewhere = leadsElsewhere(fetch.resolution());
        return elsewhere.map(e -> report(new StepResult(c.title(), step, asked, e, false, Optional.empty(), publish(fetch.resolution().name()),
                notes)));
    }

    /** The step as failed when its name leads elsewhere or the fetch gave no answer; empty when there is an answer to judge. */
    Optional<StepResult> unusable(Client c, String step, String asked, Web.Fetch fetch, List<String> notes) throws Dns.Unreachable {
        Optional<StepResult> wrong = misdirected(c, step, asked, fetch, notes);
        if (wrong.isPresent() || fetch.failure().isEmpty()) {
            return wrong;
        }
        return Optional.of(failed(c, step, asked, fetch, notes));
    }

    /** Notes on a working https answer: a certificate near its end, plain http. */
    List<String> notes(URI uri, HttpAnswer answer) {
        List<String> notes = new ArrayList<>();
        answer.certificate().ifPresent(c -> {
            Duration left = Duration.between(Instant.now(), c.getNotAfter().toInstant());
            if (left.compareTo(CheckSettings.EXPIRY_WARNING) < 0) {
                notes.add("the certificate for " + uri.getHost() + " expires on " + c.getNotAfter().toInstant() + " (in "
                        + left.toDays() + " days): renew it");
            }
        });
        if (uri.getScheme().equals("http")) {
            notes.add("plain http: anyone on the path can change the answer, and clients set to https only skip it");
        }
        return notes;
    }

    /** A GET as a step: the request as reported, and the answer, or the step already failed. */
    record Got(String asked, Optional<HttpAnswer> answer, Optional<StepResult> failed) {}

    Got get(Client c, String step, URI uri) throws Dns.Unreachable {
        String asked = asked("GET", uri);
        Web.Fetch fetch = get(uri);
        Optional<StepResult> bad = unusable(c, step, asked, fetch, List.of());
        return new Got(asked, bad.isPresent() ? Optional.empty() : fetch.answer(), bad);
    }

    Web.Fetch get(URI uri) throws Dns.Unreachable {
        return web.fetch("GET", uri, Map.of("Accept", "application/xml, text/xml, */*"), new byte[0]);
    }
}
