package org.mailautoconf.dns;

import java.util.List;

/**
 * Writes plans in RFC 1035 master-file syntax: per domain an {@code $ORIGIN}, the records with
 * absolute names, and a comment naming the clients that read each. Without name servers the
 * text is a fragment to paste into the domain's zone; with them it is a complete zone (SOA and
 * NS), as {@code named-checkzone} and {@code named} read it.
 */
public final class ZoneWriter {

    /** The SOA timers of a complete zone: refresh, retry, expire, negative-answer TTL (RFC 1912 §2.2). */
    private static final String SOA_TIMERS = "7200 3600 1209600 3600";

    private final List<String> nameServers;

    /** @param nameServers empty for fragments; otherwise the zone's NS names (complete zones) */
    public ZoneWriter(List<String> nameServers) {
        this.nameServers = nameServers.stream().map(RecordData::absolute).toList();
    }

    public String write(List<RecordPlan> plans) {
        StringBuilder out = new StringBuilder();
        for (RecordPlan plan : plans) {
            if (out.length() > 0) {
                out.append('\n');
            }
            write(plan, out);
        }
        return out.toString();
    }

    public String write(RecordPlan plan) {
        StringBuilder out = new StringBuilder();
        write(plan, out);
        return out.toString();
    }

    private void write(RecordPlan plan, StringBuilder out) {
        String origin = plan.domain().ascii() + ".";
        out.append("; ").append(plan.domain().ascii()).append(": the records mail clients look up (provider ")
                .append(plan.providerId()).append(")\n");
        out.append(plan.hosted()
                ? "; A customer domain the operator serves: the customer adds these records to the domain's zone.\n"
                : "; Add these records to the domain's zone (mailautoconf dns; docs/dns.md explains each).\n");
        out.append("$ORIGIN ").append(origin).append('\n');
        if (!nameServers.isEmpty()) {
            int ttl = plan.records().isEmpty() ? RecordPlanner.DEFAULT_TTL : plan.records().get(0).ttl();
            out.append("$TTL ").append(ttl).append('\n');
            out.append("@ IN SOA ").append(nameServers.get(0)).append(" hostmaster.").append(origin)
                    .append(" ( 1 ").append(SOA_TIMERS).append(" )\n");
            nameServers.forEach(ns -> out.append("@ IN NS ").append(ns).append('\n'));
        }
        String lastComment = null;
        for (DnsRecord r : plan.records()) {
            String comment = "; " + r.why() + "\n; read by: " + String.join(", ", r.readers()) + "\n";
            if (!comment.equals(lastComment)) {
                out.append(comment);
                lastComment = comment;
            }
            out.append(r.owner()).append(". ").append(r.ttl()).append(" IN ").append(r.data().type()).append(' ')
                    .append(r.data().masterText()).append('\n');
        }
    }
}
