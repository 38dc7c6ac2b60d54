package org.mailautoconf.check;

import java.util.List;

/**
 * Every client's outcome for one address; exit status 0 only when each applicable client works.
 * Only the domain of the address is kept: reports go to terminals and monitoring, not the address.
 */
public record CheckReport(String domain, String providerId, String dnsServer, List<ClientReport> clients) {

    public CheckReport {
        clients = List.copyOf(clients);
    }

    public boolean allWork() {
        return clients.stream().allMatch(c -> c.verdict() != ClientReport.Verdict.FAILS);
    }
}
