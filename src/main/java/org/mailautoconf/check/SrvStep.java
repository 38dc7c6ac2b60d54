package org.mailautoconf.check;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.mailautoconf.dns.DnsRecord;
import org.mailautoconf.dns.MailServiceRecords;
import org.mailautoconf.dns.RecordData;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Type;

/** SRV steps: Autodiscover's (MS-OXDISCO 3.1.5.3) and the RFC 6186 records against the provider file. */
final class SrvStep {

    private SrvStep() {
    }

    static List<SRVRecord> srv(Probe p, String name) throws Dns.Unreachable {
        return p.dns.query(name, Type.SRV).records().stream().filter(r -> r instanceof SRVRecord).map(r -> (SRVRecord) r).toList();
    }

    /** Outlook takes the lowest priority, Thunderbird the lowest weight; both POST to the target on 443. */
    static StepResult autodiscover(Probe p, Client c, boolean byWeight) throws Dns.Unreachable {
        String name = "_autodiscover._tcp." + p.domain();
        List<SRVRecord> records = srv(p, name).stream()
                .sorted(Comparator.comparingInt(byWeight ? SRVRecord::getWeight : SRVRecord::getPriority)).toList();
        if (records.isEmpty() || records.get(0).getTarget().toString().equals(".")) {
            return p.report(new StepResult(c.title(), "Exchange SRV " + name, "SRV " + name, "no SRV record", false, Optional.empty(),
                    p.publish(name), List.of()));
        }
        String target = Dns.strip(records.get(0).getTarget().toString());
        URI url = PoxStep.url("https", target);
        return PoxStep.run(p, c, "SRV " + name + " → " + target, url, List.of("SRV " + name + " names " + target)).after("SRV " + name);
    }

    /** One RFC 6186 service: the published records must be the plan's (target and port; "." where not offered). */
    static StepResult service(Probe p, String service) throws Dns.Unreachable {
        Client c = Client.RFC6186;
        String name = service + "._tcp." + p.domain();
        Set<String> expected = new TreeSet<>();
        for (DnsRecord r : p.plan.records()) {
            if (r.owner().equals(name) && r.data() instanceof RecordData.Service s) {
                expected.add(s.offered() ? s.target() + ":" + s.port() : ".");
            }
        }
        Set<String> got = new TreeSet<>();
        for (SRVRecord r : srv(p, name)) {
            String target = Dns.strip(r.getTarget().toString());
            got.add(target.isEmpty() ? "." : target + ":" + r.getPort());
        }
        String gotText = got.isEmpty() ? "no SRV record" : String.join(", ", got);
        boolean offered = !expected.contains(".");
        if (got.isEmpty() && !offered) {
            // Nothing published for a service not offered: clients find nothing, as they should; "." only saves them a try.
            return p.report(new StepResult(c.title(), name, "SRV " + name, gotText, true, Optional.of(true), Optional.empty(),
                    List.of("not offered; a record with target \".\" would say so: " + p.publish(name).orElse(""))));
        }
        boolean same = got.equals(expected);
        List<String> notes = new ArrayList<>();
        if (service.startsWith("_imap") && got.size() > 1) {
            notes.add("FairEmail takes the last of several IMAP servers");
        }
        return p.report(new StepResult(c.title(), name, "SRV " + name, gotText, !got.isEmpty(), Optional.of(same),
                same ? Optional.empty() : p.publish(name).map(f -> f + (got.isEmpty() ? "" : " (and remove the others)")), notes));
    }

    static ClientReport rfc6186(Probe p) throws Dns.Unreachable {
        List<StepResult> steps = new ArrayList<>();
        for (String s : MailServiceRecords.SERVICES) {
            steps.add(service(p, s));
        }
        return ClientReport.allNeeded(Client.RFC6186, steps);
    }
}
