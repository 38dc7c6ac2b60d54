package org.mailautoconf.check;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One Autodiscover POST, as Outlook and Thunderbird send it but without an {@code Authorization}
 * header: the check never has, nor sends, credentials.
 */
final class PoxStep {

    private PoxStep() {
    }

    static byte[] request(String address) {
        return ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                + "<Autodiscover xmlns=\"http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006\">\n"
                + "  <Request>\n    <EMailAddress>" + address.replace("&", "&amp;").replace("<", "&lt;") + "</EMailAddress>\n"
                + "    <AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a"
                + "</AcceptableResponseSchema>\n  </Request>\n</Autodiscover>\n").getBytes(StandardCharsets.UTF_8);
    }

    static URI url(String scheme, String host) {
        return URI.create(scheme + "://" + host + "/autodiscover/autodiscover.xml");
    }

    static StepResult run(Probe p, Client client, String step, URI uri, List<String> notes) throws Dns.Unreachable {
        String asked = p.asked("POST", uri);
        Web.Fetch fetch = p.web.fetch("POST", uri, Map.of("Content-Type", "text/xml; charset=utf-8"), request(p.address.toString()));
        List<String> all = new ArrayList<>(notes);
        Optional<StepResult> unusable = p.unusable(client, step, asked, fetch, all);
        if (unusable.isPresent()) {
            return unusable.get();
        }
        HttpAnswer answer = fetch.answer().get();
        if (all.stream().filter(n -> n.startsWith("redirected")).count() < 3 && AutoconfigStep.isRedirect(answer.status()) && answer.header("location").filter(l -> l.startsWith("https://")).isPresent()) {
            // MS-OXDSCLI 3.2.5: a 302 sends the client to another Autodiscover URL, where it POSTs again.
            all.add("redirected to " + answer.header("location").get());
            return run(p, client, step, URI.create(answer.header("location").get()), all);
        }
        all.addAll(p.notes(uri, answer));
        PoxReading.Read read = PoxReading.read(answer, p.address);
        List<String> refuses = client == Client.THUNDERBIRD ? read.thunderbirdRefuses() : read.refuses();
        if (!refuses.isEmpty()) {
            String why = String.join("; ", refuses);
            Optional<String> fix = Optional.of(answer.status() == 404 || answer.status() == 405
                    ? "serve mailautoconf's Autodiscover at " + uri + " (or leave it: clients try the next URL)"
                    : "make the answer at " + uri + " one " + client.title() + " reads: " + why);
            return p.report(new StepResult(client.title(), step, asked, answer.summary() + ": " + why, false, Optional.empty(), fix, all));
        }
        Optional<String> difference = p.expected.pox().map(e -> read.redirectAddr().equals(e.redirectAddr())
                ? read.settings().differenceFrom(e.settings()) : Optional.of("redirect " + read.redirectAddr() + " vs " + e.redirectAddr()))
                .orElse(Optional.of("this registry answers with Autodiscover's error for this address"));
        return p.report(new StepResult(client.title(), step, asked, answer.summary(), true, Optional.of(difference.isEmpty()),
                p.redeploy(difference, uri.getHost()), all));
    }
}
