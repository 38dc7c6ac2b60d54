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
        List<Order.Steps> order = new ArrayList<>(ThunderbirdPath.autoconfig(p, c, Optional.empty()));
        order.add(() -> ThunderbirdPath.mx(p, c, Optional.empty()));
        return Order.firstAccepted(c, order);
    }
}
