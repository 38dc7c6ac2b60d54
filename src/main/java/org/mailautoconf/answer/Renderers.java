package org.mailautoconf.answer;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.mailautoconf.format.Rendered;
import org.mailautoconf.format.autoconfig.AutoconfigRenderer;
import org.mailautoconf.format.autodiscover.MobileSyncRenderer;
import org.mailautoconf.format.autodiscover.OutlookRenderer;
import org.mailautoconf.format.mobileconfig.MobileconfigRenderer;
import org.mailautoconf.format.mobileconfig.ProfileSigner;
import org.mailautoconf.format.pacc.PaccRenderer;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.EmailAddress;
import org.mailautoconf.registry.Provider;

/**
 * The one table from client format to renderer. The server, {@code mailautoconf render}, the
 * tests and the benchmark all take their renderers from here, so they give the same bytes and
 * headers; a new format is one row here and one constant in {@link ClientFormat}.
 */
public final class Renderers {

    private Renderers() {
    }

    /**
     * Every format's renderer. Signed profiles are a format of their own, present only with a
     * signer: each is signed once per address and then served from the cache like any answer.
     */
    public static Map<ClientFormat, FormatRenderer> table(Optional<ProfileSigner> signer) {
        AutoconfigRenderer autoconfig = new AutoconfigRenderer();
        MobileconfigRenderer mobileconfig = new MobileconfigRenderer();
        Map<ClientFormat, FormatRenderer> table = new EnumMap<>(ClientFormat.class);
        table.put(ClientFormat.AUTOCONFIG, (p, d, a) -> of(autoconfig.answer(p, d, a)));
        AutoconfigRenderer version12 = AutoconfigRenderer.version12();
        table.put(ClientFormat.AUTOCONFIG_12, (p, d, a) -> of(version12.answer(p, d, a)));
        table.put(ClientFormat.MOBILECONFIG, (p, d, a) -> of(mobileconfig.answer(p, d, a)));
        table.put(ClientFormat.AUTODISCOVER_OUTLOOK, AutodiscoverAnswers.of(new OutlookRenderer()));
        table.put(ClientFormat.AUTODISCOVER_MOBILESYNC, AutodiscoverAnswers.of(new MobileSyncRenderer()));
        table.put(ClientFormat.PACC, pacc());
        signer.ifPresent(s -> table.put(ClientFormat.MOBILECONFIG_SIGNED, (p, d, a) -> {
            Rendered unsigned = mobileconfig.answer(p, d, a);
            return of(unsigned.withBody(s.sign(unsigned.body())));
        }));
        return Collections.unmodifiableMap(table);
    }

    /** PACC's document; a provider PACC cannot express is refused (no document, never a misleading one). */
    private static FormatRenderer pacc() {
        PaccRenderer pacc = new PaccRenderer();
        return new FormatRenderer() {
            @Override
            public Answer render(Provider provider, DomainName domain, Optional<EmailAddress> address) {
                return of(pacc.answer(provider, domain));
            }

            @Override
            public Optional<Refusal> refusal(Provider provider, DomainName domain, Optional<EmailAddress> address) {
                return pacc.whyNot(provider).map(Refusal.Inexpressible::new);
            }
        };
    }

    /** The answer of a format's finished rendering: its ETag is derived from the bytes. */
    static Answer of(Rendered r) {
        return new Answer(r.status(), r.body(), r.contentType(), Answer.etagOf(r.body()), r.headers());
    }
}
