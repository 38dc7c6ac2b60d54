package org.mailautoconf.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mailautoconf.registry.IncomingProtocol;

/**
 * Thunderbird for Android (thunderbird-android: ProviderAutoconfigUrlProvider.kt, RealAutoDiscoveryRegistry.kt,
 * MxLookupAutoconfigDiscovery.kt, PostMxLookupAutoconfigUrlProvider.kt): the same four URLs as
 * the desktop but without the address (includeEmailAddress is false by default), then the MX
 * lookup; no Exchange path. It reads only IMAP.
 */
final class AndroidPath {

    private AndroidPath() {
    }

    static ClientReport run(Probe p) throws Dns.Unreachable {
        Client c = Client.THUNDERBIRD_ANDROID;
        if (p.expected.provider().incoming().stream().noneMatch(s -> s.protocol() == IncomingProtocol.IMAP)) {
            return ClientReport.notApplicable(c, "the provider offers no IMAP, the only protocol Thunderbird for Android reads");
        }
        String d = p.domain();
        List<StepResult> steps = new ArrayList<>();
        Optional<String> none = Optional.empty();
        boolean found = ThunderbirdPath.accepted(steps, AutoconfigStep.run(p, c, "https autoconfig." + d,
                        AutoconfigStep.url("https", "autoconfig." + d, ThunderbirdPath.path(), none)))
                || ThunderbirdPath.accepted(steps, AutoconfigStep.run(p, c, "https " + d + " .well-known",
                        AutoconfigStep.url("https", d, ThunderbirdPath.wellKnown(), none)))
                || ThunderbirdPath.accepted(steps, AutoconfigStep.run(p, c, "http autoconfig." + d,
                        AutoconfigStep.url("http", "autoconfig." + d, ThunderbirdPath.path(), none)))
                || ThunderbirdPath.accepted(steps, AutoconfigStep.run(p, c, "http " + d + " .well-known",
                        AutoconfigStep.url("http", d, ThunderbirdPath.wellKnown(), none)))
                || ThunderbirdPath.mx(p, c, none, steps);
        return ClientReport.firstAccepted(c, steps);
    }
}
