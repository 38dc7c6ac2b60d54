package org.mailautoconf.dns;

import java.util.ArrayList;
import java.util.List;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.Provider;

/**
 * The names clients derive from the mail domain to reach this service: {@code autoconfig.},
 * {@code autodiscover.} and Autodiscover's SRV record (docs/dns.md has who reads each).
 */
public final class DiscoveryRecords implements RecordSource {

    static final List<String> AUTOCONFIG_READERS = List.of("Thunderbird", "Thunderbird for Android", "FairEmail", "KMail",
            "Geary", "Apple devices (the setup page)");
    static final List<String> AUTODISCOVER_READERS = List.of("Outlook", "Windows Mail", "ActiveSync phones",
            "Microsoft AutoDetect (Outlook 2016+, Outlook mobile)", "Thunderbird (Exchange path)");
    static final List<String> SRV_READERS = List.of("Outlook", "Thunderbird (Exchange path)");

    @Override
    public List<DnsRecord> records(Provider provider, DomainName domain, PublicHost publicHost, int ttl) {
        List<DnsRecord> out = new ArrayList<>();
        name(out, "autoconfig." + domain.ascii(), publicHost, ttl, AUTOCONFIG_READERS,
                "Thunderbird asks https://autoconfig." + domain.ascii() + "/mail/config-v1.1.xml first (then http)");
        name(out, "autodiscover." + domain.ascii(), publicHost, ttl, AUTODISCOVER_READERS,
                "Outlook POSTs to https://autodiscover." + domain.ascii() + "/autodiscover/autodiscover.xml,"
                        + " AutoDetect GETs /autodiscover/autodiscover.json there");
        // RFC 2782: an SRV target must not be an alias, so the target is the public host itself.
        out.add(new DnsRecord("_autodiscover._tcp." + domain.ascii(), ttl, new RecordData.Service(0, 0, 443, publicHost.name()),
                SRV_READERS, "Autodiscover's SRV step (MS-OXDISCO): https://" + publicHost.name()
                        + "/autodiscover/autodiscover.xml; clients use port 443 whatever the record says"));
        return out;
    }

    /** The service's name for this domain: a CNAME to the public host, or its addresses when given. */
    static void name(List<DnsRecord> out, String owner, PublicHost publicHost, int ttl, List<String> readers, String why) {
        if (owner.equals(publicHost.name()) || !publicHost.addresses().isEmpty()) {
            if (publicHost.addresses().isEmpty()) {
                // The public host itself: its addresses are the admin's own (no --address given).
                return;
            }
            publicHost.addresses().forEach(a -> out.add(new DnsRecord(owner, ttl, new RecordData.Address(a), readers, why)));
            return;
        }
        out.add(new DnsRecord(owner, ttl, new RecordData.Alias(publicHost.name()), readers, why));
    }
}
