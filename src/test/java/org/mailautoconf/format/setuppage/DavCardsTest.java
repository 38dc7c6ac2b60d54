package org.mailautoconf.format.setuppage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailautoconf.registry.EmailAddress;
import org.mailautoconf.registry.Registry;
import org.mailautoconf.testing.DavProvider;
import org.mailautoconf.testing.Registries;

/** The setup page lists calendar and contacts settings when, and only when, the provider has them. */
class DavCardsTest {

    @TempDir
    Path dir;

    private static String page(Registry registry, String address, Language language) {
        EmailAddress a = EmailAddress.parse(address);
        Outcome found = new Outcome.Found(registry.providerFor(a.domain()).orElseThrow().provider(), a);
        return new String(new SetupPage().render(language, found, Optional.empty(), Optional.empty()), StandardCharsets.UTF_8);
    }

    @Test
    void davProvider_pageHasCalendarAndContactsCards_afterTheMailCards() {
        String html = page(DavProvider.withShipped(dir), "mario@dav.example", Language.EN);
        assertThat(html).contains("id=\"card-caldav\"").contains("id=\"card-carddav\"")
                .contains("Calendar <span class=\"protocol\">CalDAV</span>")
                .contains("Contacts <span class=\"protocol\">CardDAV</span>")
                .contains(">https://dav.dav.example/calendars/<").contains(">https://dav.dav.example/contacts/<");
        assertThat(html.indexOf("id=\"card-caldav\"")).isGreaterThan(html.indexOf("id=\"card-out-0\""));
        assertThat(page(DavProvider.withShipped(dir.resolve("it")), "mario@dav.example", Language.IT))
                .contains("Calendario <span class=\"protocol\">CalDAV</span>").contains("URL del server");
    }

    @Test
    void shippedProvider_pageHasNoCalendarOrContactsCards() {
        String html = page(Registries.shipped(), "mario.rossi@polito.it", Language.EN);
        assertThat(html).contains("id=\"card-in-0\"").doesNotContain("card-caldav").doesNotContain("card-carddav");
    }
}
