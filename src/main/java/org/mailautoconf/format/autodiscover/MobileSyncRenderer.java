package org.mailautoconf.format.autodiscover;

import java.util.Optional;
import org.mailautoconf.format.XmlWriter;
import org.mailautoconf.registry.ActiveSync;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.EmailAddress;
import org.mailautoconf.registry.Provider;
import org.mailautoconf.registry.Redirect;

/**
 * The ActiveSync response schema (mobilesync 2006, MS-ASCMD 2.2.2.1), read by phones' Exchange
 * clients and the new Outlook. Only a provider with an ActiveSync URL has an answer; the others
 * refuse with error 601 rather than name a server that does not exist.
 */
public final class MobileSyncRenderer implements SchemaRenderer {

    /** Exchange's own value; clients take their language from the device, not from here. */
    static final String CULTURE = "en:us";

    @Override
    public ResponseSchema schema() {
        return ResponseSchema.MOBILESYNC;
    }

    @Override
    public Optional<ProtocolError> refusal(Provider provider, EmailAddress address) {
        Optional<ProtocolError> redirect = Redirects.problem(provider, address);
        if (redirect.isPresent() || provider.redirectFor(address).isPresent()) {
            // A redirect sends the client elsewhere even when this provider has no ActiveSync.
            return redirect;
        }
        if (provider.activeSync().isEmpty()) {
            return Optional.of(new ProtocolError(ErrorCode.SCHEMA_NOT_AVAILABLE,
                    "provider " + provider.id() + " offers no ActiveSync server"));
        }
        return Optional.empty();
    }

    @Override
    public Reply render(Provider provider, DomainName domain, EmailAddress address) {
        refusal(provider, address).ifPresent(p -> {
            throw new IllegalStateException(p.reason());
        });
        Optional<Redirect> redirect = provider.redirectFor(address);
        if (redirect.isPresent() && redirect.get() instanceof Redirect.ToAutodiscoverUrl to) {
            // The schema can only redirect to an address; another server is reached by HTTP 302 alone.
            return Reply.moved(to.url(), new byte[0]);
        }
        XmlWriter xml = new XmlWriter();
        xml.start("Autodiscover").namespace(ResponseSchema.AUTODISCOVER_NAMESPACE);
        xml.start("Response").namespace(ResponseSchema.MOBILESYNC.uri());
        xml.element("Culture", CULTURE);
        xml.start("User");
        xml.element("DisplayName", provider.name());
        xml.element("EMailAddress", address.toString());
        xml.end();
        xml.start("Action");
        if (redirect.isPresent() && redirect.get() instanceof Redirect.ToAddress to) {
            xml.element("Redirect", to.addressFor(address).toString());
        } else {
            ActiveSync eas = provider.activeSync().orElseThrow();
            xml.start("Settings").start("Server");
            // AOSP's reader needs Type, exactly "MobileSync", before Url.
            xml.element("Type", "MobileSync");
            xml.element("Url", eas.url().toString());
            xml.element("Name", eas.url().toString());
            xml.end().end();
        }
        xml.end();
        xml.end();
        xml.end();
        return Reply.document(xml.toBytes());
    }
}
