package org.mailautoconf.dns;

import java.util.List;

/**
 * One record to publish, with the clients that read it and why it is there: the zone output
 * writes both as a comment, the JSON output as fields.
 *
 * @param owner   the record's name, absolute, without the final dot
 * @param readers the clients that read this record, by name
 * @param why     one sentence for the admin
 */
public record DnsRecord(String owner, int ttl, RecordData data, List<String> readers, String why) {

    public DnsRecord {
        readers = List.copyOf(readers);
        if (owner.endsWith(".")) {
            owner = owner.substring(0, owner.length() - 1);
        }
    }
}
