package org.mailautoconf.dns;

import java.util.List;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.Provider;

/**
 * One family of records a domain needs. The planner asks each source in turn; later families
 * (PACC's {@code ua-auto-config} name and {@code _ua-auto-config} TXT digest, RFC 6764's
 * {@code _caldavs._tcp}/{@code _carddavs._tcp} SRV) are further sources, with no change to the plan.
 */
public interface RecordSource {

    List<DnsRecord> records(Provider provider, DomainName domain, PublicHost publicHost, int ttl);
}
