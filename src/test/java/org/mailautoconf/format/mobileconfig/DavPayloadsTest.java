package org.mailautoconf.format.mobileconfig;

import static org.assertj.core.api.Assertions.assertThat;

import com.dd.plist.NSDictionary;
import com.dd.plist.NSNumber;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailautoconf.registry.EmailAddress;
import org.mailautoconf.registry.Provider;
import org.mailautoconf.testing.DavProvider;

/** A provider with CalDAV and CardDAV: one profile with mail, calendar and contacts, typed as Apple's schema says. */
class DavPayloadsTest {

    @TempDir
    Path dir;

    @Test
    void davProvider_profileHasMailCalendarAndContacts_typedAsAppleSchema() throws Exception {
        Provider p = DavProvider.provider(DavProvider.withShipped(dir));
        EmailAddress a = EmailAddress.parse("mario@dav.example");
        byte[] profile = new MobileconfigRenderer().render(p, a.domain(), Optional.of(a));

        ProfileCheck.conformsToSchema(profile);
        assertThat(ProfileCheck.payloads(profile)).extracting(d -> d.get("PayloadType").toJavaObject())
                .containsExactly("com.apple.mail.managed", "com.apple.caldav.account", "com.apple.carddav.account");
        NSDictionary cal = ProfileCheck.payload(profile, "com.apple.caldav.account");
        assertThat(cal.get("CalDAVHostName").toJavaObject()).isEqualTo("dav.dav.example");
        assertThat(cal.get("CalDAVPrincipalURL").toJavaObject()).isEqualTo("https://dav.dav.example/calendars/");
        assertThat(cal.get("CalDAVUsername").toJavaObject()).isEqualTo("mario@dav.example");
        assertThat(cal.get("CalDAVPort")).isInstanceOfSatisfying(NSNumber.class, n -> {
            assertThat(n.type()).isEqualTo(NSNumber.INTEGER);
            assertThat(n.intValue()).isEqualTo(443);
        });
        assertThat(cal.get("CalDAVUseSSL")).isInstanceOfSatisfying(NSNumber.class, n -> assertThat(n.type()).isEqualTo(NSNumber.BOOLEAN));
        NSDictionary card = ProfileCheck.payload(profile, "com.apple.carddav.account");
        assertThat(card.get("CardDAVPrincipalURL").toJavaObject()).isEqualTo("https://dav.dav.example/contacts/");

        // Name-based identities: the same address gives the same UUIDs, another address others.
        byte[] again = new MobileconfigRenderer().render(p, a.domain(), Optional.of(a));
        EmailAddress other = EmailAddress.parse("anna@dav.example");
        NSDictionary otherCal = ProfileCheck.payload(new MobileconfigRenderer().render(p, other.domain(), Optional.of(other)),
                "com.apple.caldav.account");
        assertThat(again).isEqualTo(profile);
        List<Object> uuids = ProfileCheck.payloads(profile).stream().map(d -> d.get("PayloadUUID").toJavaObject()).toList();
        assertThat(uuids).doesNotHaveDuplicates();
        assertThat(otherCal.get("PayloadUUID").toJavaObject()).isNotEqualTo(cal.get("PayloadUUID").toJavaObject());
    }
}
