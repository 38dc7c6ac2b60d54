package org.mailautoconf.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * PACC clients (Evolution, pimalaya; formats.md G.7): GET the document at
 * {@code https://ua-auto-config.<domain>/.well-known/user-agent-configuration.json}, keep its exact
 * bytes, and take it only when their SHA-256 is a digest of the {@code _ua-auto-config.<domain>}
 * TXT records. Both steps are needed; the digest this registry's document has must be published
 * (beside others while a document changes: docs/dns.md).
 */
final class PaccPath {

    static final String PATH = "/.well-known/user-agent-configuration.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private PaccPath() {
    }

    static ClientReport run(Probe p) throws Dns.Unreachable {
        Client c = Client.PACC;
        Optional<byte[]> ours = p.expected.pacc();
        if (ours.isEmpty()) {
            return ClientReport.notApplicable(c, "PACC cannot express this provider, which has no document: "
                    + p.expected.paccWhyNot().orElse(""));
        }
        String host = "ua-auto-config." + p.domain();
        Served served = document(p, c, URI.create("https://" + host + PATH), ours.get());
        StepResult digest = digest(p, c, served.body(), ours.get(), host);
        List<StepResult> steps = List.of(served.step(), digest);
        if (served.step().works() && digest.works()) {
            return new ClientReport(c, ClientReport.Verdict.WORKS, "takes the document from " + host + ": its SHA-256 is published", steps);
        }
        String why;
        if (digest.accepted()) {
            why = "would configure itself from the document at " + host + ", which differs from this registry";
        } else if (served.body().isEmpty()) {
            why = "finds no document at https://" + host + PATH;
        } else if (digest.got().startsWith("no ") || digest.got().contains("does not exist")) {
            why = "rejects the document: _" + host + " publishes no digest";
        } else {
            why = "rejects the document: no published digest is its SHA-256";
        }
        return new ClientReport(c, ClientReport.Verdict.FAILS, why, steps);
    }

    private record Served(StepResult step, Optional<byte[]> body) {}

    private static Served document(Probe p, Client c, URI uri, byte[] ours) throws Dns.Unreachable {
        String step = "document at https " + uri.getHost();
        String asked = p.asked("GET", uri);
        Web.Fetch fetch = p.web.fetch("GET", uri, Map.of("Accept", "application/json"), new byte[0]);
        Optional<StepResult> bad = p.unusable(c, step, asked, fetch, List.of());
        if (bad.isPresent()) {
            return new Served(bad.get(), Optional.empty());
        }
        HttpAnswer a = fetch.answer().orElseThrow();
        List<String> notes = new ArrayList<>(p.notes(uri, a));
        if (a.status() != 200) {
            return new Served(p.report(new StepResult(c.title(), step, asked, a.summary(), false, Optional.empty(),
                    Optional.of("serve this registry's PACC document at " + uri + " (mailautoconf answers it on that name)"), notes)),
                    Optional.empty());
        }
        Optional<JsonNode> live = object(a.body());
        if (live.isEmpty()) {
            return new Served(p.report(new StepResult(c.title(), step, asked, a.summary() + ": not a JSON object", false, Optional.empty(),
                    Optional.of("serve this registry's PACC document at " + uri), notes)), Optional.empty());
        }
        if (!a.contentType().startsWith("application/json")) {
            notes.add("Content-Type is not application/json (the clients read on do not check it)");
        }
        boolean same = Arrays.equals(a.body(), ours);
        Optional<String> fix = same ? Optional.empty() : Optional.of(difference(live.get(), ours) + ": deploy this registry at " + uri.getHost());
        return new Served(p.report(new StepResult(c.title(), step, asked, a.summary(), true, Optional.of(same), fix, notes)),
                Optional.of(a.body()));
    }

    private static StepResult digest(Probe p, Client c, Optional<byte[]> body, byte[] ours, String host) throws Dns.Unreachable {
        String name = "_" + host;
        Dns.Answer answer = p.dns.query(name, Type.TXT);
        List<List<String>> texts = answer.records().stream().filter(r -> r instanceof TXTRecord).map(r -> ((TXTRecord) r).getStrings()).toList();
        PaccDigests published = PaccDigests.read(texts);
        Optional<byte[]> served = body.map(PaccDigests::sha256);
        boolean matchesServed = served.map(published::contains).orElse(false);
        boolean registryPublished = published.contains(PaccDigests.sha256(ours));
        List<String> notes = new ArrayList<>();
        published.skipped().forEach(t -> notes.add("not a UAAC1 SHA-256 record, which clients pass over: \"" + t + "\""));
        if (published.digests().size() > 1) {
            notes.add(published.digests().size() + " digests published: right while a document changes; remove the old ones once the"
                    + " TTL and the answers' max-age have passed (docs/dns.md)");
        }
        String got;
        if (published.digests().isEmpty()) {
            got = texts.isEmpty() ? (answer.nxdomain() ? name + " does not exist (NXDOMAIN)" : "no TXT record") : "no UAAC1 SHA-256 record";
        } else {
            got = "d=" + String.join(", d=", published.digests().stream().map(PaccDigests::base64).toList()) + "; "
                    + served.map(s -> matchesServed ? "one is the SHA-256 of the document served"
                            : "none is the SHA-256 of the document served (" + PaccDigests.base64(s) + ")")
                    .orElse("no document to compare");
        }
        Optional<String> fix;
        if (!registryPublished) {
            fix = p.publish(name).map(f -> f + (published.digests().isEmpty() ? ""
                    : " beside the records there now, until clients' cached documents have expired (docs/dns.md)"));
        } else if (served.isPresent() && !matchesServed) {
            fix = Optional.of("the document served is not this registry's: deploy this registry at " + host);
        } else {
            fix = served.isPresent() ? Optional.empty() : Optional.of("serve the document (the step before)");
        }
        return p.report(new StepResult(c.title(), "digest at TXT " + name, "TXT " + name, got, matchesServed, Optional.of(registryPublished),
                fix, notes));
    }

    private static Optional<JsonNode> object(byte[] body) {
        try {
            JsonNode n = JSON.readTree(body);
            return n != null && n.isObject() ? Optional.of(n) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The first key where the served document and this registry's differ, or that only the bytes do (and with them the digest). */
    static String difference(JsonNode live, byte[] ours) {
        JsonNode o = object(ours).orElseThrow();
        return firstDifference("", live, o)
                .orElse("the same settings in other bytes (key order or spacing), so another SHA-256 than this registry's");
    }

    private static Optional<String> firstDifference(String path, JsonNode live, JsonNode ours) {
        if (live.equals(ours)) {
            return Optional.empty();
        }
        if (live.isObject() && ours.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            live.fieldNames().forEachRemaining(names::add);
            ours.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                String at = path.isEmpty() ? n : path + "." + n;
                JsonNode l = live.get(n);
                JsonNode o = ours.get(n);
                if (l == null) {
                    return Optional.of("the document served has no " + at + ", this registry says " + o);
                }
                if (o == null) {
                    return Optional.of("the document served has " + at + " " + l + ", this registry has none");
                }
                Optional<String> d = firstDifference(at, l, o);
                if (d.isPresent()) {
                    return d;
                }
            }
        }
        return Optional.of("the document served has " + path + " " + live + ", this registry says " + ours);
    }
}
