package org.mailautoconf.dns;

import java.util.List;
import org.mailautoconf.registry.DomainName;

/**
 * The records one mail domain publishes so that every client finds its settings.
 *
 * @param hosted true for a customer's domain that the operator serves (a provider whose host
 *               names use {@code %EMAILDOMAIN%}, or the default provider): the customer adds
 *               these records, pointing at the operator's names
 */
public record RecordPlan(DomainName domain, String providerId, boolean hosted, List<DnsRecord> records) {

    public RecordPlan {
        records = List.copyOf(records);
    }
}
