package org.mailautoconf.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Microsoft's AutoDetect, which classic Outlook 2016+ and Outlook mobile ask first (formats.md
 * B.6, F.6, G.4): it GETs the v2 JSON from the provider's public name, from outside the LAN, and
 * then POSTs to the Autodiscover URL the JSON names.
 */
final class AutodetectPath {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AutodetectPath() {
    }

    static ClientReport run(Probe p) throws Dns.Unreachable {
        return Order.firstAccepted(Client.AUTODETECT, List.of(Order.one(() -> json(p, "autodiscover." + p.domain())),
                Order.one(() -> json(p, p.domain()))));
    }

    static StepResult json(Probe p, String host) throws Dns.Unreachable {
        Client c = Client.AUTODETECT;
        String step = "v2 JSON at https://" + host;
        URI uri = URI.create("https://" + host + "/autodiscover/autodiscover.json?Email=" + Probe.urlEncoded(p.address.toString())
                + "&Protocol=AutodiscoverV1&RedirectCount=1");
        Probe.Got got = p.get(c, step, uri);
        if (got.failed().isPresent()) {
            return got.failed().get();
        }
        String asked = got.asked();
        HttpAnswer answer = got.answer().get();
        Optional<String> url = Optional.empty();
        if (answer.status() == 200) {
            try {
                JsonNode node = JSON.readTree(answer.body());
                url = Optional.ofNullable(node.path("Url").textValue()).filter(u -> u.startsWith("https://"));
            } catch (java.io.IOException e) {
                // not JSON: refused below
            }
        }
        if (url.isEmpty()) {
            return p.report(new StepResult(c.title(), step, asked, answer.summary(), false, Optional.empty(),
                    Optional.of("serve {\"Protocol\":\"AutodiscoverV1\",\"Url\":\"https://…/autodiscover/autodiscover.xml\"} at " + uri.getHost()
                            + "/autodiscover/autodiscover.json (mailautoconf does, with serve --public-url)"), List.of()));
        }
        return PoxStep.run(p, c, step, URI.create(url.get()), List.of("the JSON names " + url.get())).after(asked);
    }
}
