package org.mailautoconf.check;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Optional;
import org.mailautoconf.format.autoconfig.AutoconfigRenderer;
import org.mailautoconf.format.autodiscover.OutlookRenderer;
import org.mailautoconf.format.mobileconfig.MobileconfigRenderer;
import org.mailautoconf.format.pacc.PaccRenderer;
import org.mailautoconf.registry.EmailAddress;
import org.mailautoconf.registry.Provider;

/**
 * What this registry answers for the address, rendered by the service's own renderers and read
 * back by the check's readers: so the live answer and this one are compared by what a client
 * would configure, not by bytes (another version's whitespace or ids are not a difference).
 */
final class Expected {

    private final Provider provider;
    private final EmailAddress address;

    Expected(Provider provider, EmailAddress address) {
        this.provider = provider;
        this.address = address;
    }

    Provider provider() {
        return provider;
    }

    Settings autoconfig() {
        byte[] doc = new AutoconfigRenderer().render(provider, address.domain(), Optional.of(address));
        return AutoconfigReading.read(doc, address, new ArrayList<>()).settings();
    }

    /** The POX answer; empty where the service answers with the protocol's error. */
    Optional<PoxReading.Read> pox() {
        OutlookRenderer renderer = new OutlookRenderer();
        if (renderer.refusal(provider, address).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(PoxReading.read(renderer.render(provider, address.domain(), address).body(), address));
    }

    Settings profile() {
        byte[] plist = new MobileconfigRenderer().render(provider, address.domain(), Optional.of(address));
        return ProfileReading.read(plist, Instant.now()).settings();
    }

    /** Why PACC cannot express the provider; empty when it has a document. */
    Optional<String> paccWhyNot() {
        return new PaccRenderer().whyNot(provider);
    }

    /** The PACC document's exact bytes (its digest is what DNS must publish); empty when there is none. */
    Optional<byte[]> pacc() {
        PaccRenderer renderer = new PaccRenderer();
        return renderer.whyNot(provider).isPresent() ? Optional.empty() : Optional.of(renderer.render(provider, address.domain()));
    }
}
