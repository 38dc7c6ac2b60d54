package org.mailautoconf.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Type;

/**
 * The domains Thunderbird and Thunderbird for Android ask after an MX lookup (FindConfig's forMX;
 * MxLookupAutoconfigDiscovery.kt): the most preferred MX host's next sub-domain, then its base
 * domain, neither when the base domain is the address's own. The clients take the base domain
 * from the Public Suffix List; here it is the last two labels (three under a two-letter
 * country code whose second label is short, as co.uk or com.au), close enough for a check.
 */
final class MxDomains {

    record Lookup(String mxHost, List<String> domains) {}

    private MxDomains() {
    }

    static Lookup lookup(Dns dns, String domain) throws Dns.Unreachable {
        List<MXRecord> mx = dns.query(domain, Type.MX).records().stream().filter(r -> r instanceof MXRecord).map(r -> (MXRecord) r)
                .sorted(Comparator.comparingInt(MXRecord::getPriority)).toList();
        if (mx.isEmpty()) {
            return new Lookup("", List.of());
        }
        String host = Dns.strip(mx.get(0).getTarget().toString());
        String base = base(host);
        List<String> out = new ArrayList<>();
        if (base.equals(domain)) {
            return new Lookup(host, out);
        }
        int dot = host.indexOf('.');
        String sub = dot > 0 ? host.substring(dot + 1) : host;
        if (!sub.equals(base) && sub.endsWith("." + base)) {
            out.add(sub);
        }
        out.add(base);
        return new Lookup(host, out);
    }

    static String base(String host) {
        String[] labels = host.split("\\.");
        int keep = 2;
        if (labels.length >= 3 && labels[labels.length - 1].length() == 2 && labels[labels.length - 2].length() <= 3
                && List.of("co", "com", "net", "org", "ac", "gov", "edu").contains(labels[labels.length - 2])) {
            keep = 3;
        }
        return String.join(".", java.util.Arrays.copyOfRange(labels, Math.max(0, labels.length - keep), labels.length));
    }
}
