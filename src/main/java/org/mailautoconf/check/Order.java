package org.mailautoconf.check;

import java.util.ArrayList;
import java.util.List;

/**
 * A client's steps in its order, asked until one gives settings the client accepts: the client
 * stops there too (Thunderbird runs them in parallel but takes the first by priority), so what
 * comes after cannot matter to it.
 */
final class Order {

    /** One step, or a group that yields several (the MX lookup tries two domains). */
    interface Steps {
        List<StepResult> run() throws Dns.Unreachable;
    }

    interface Step {
        StepResult run() throws Dns.Unreachable;
    }

    private Order() {
    }

    static Steps one(Step step) {
        return () -> List.of(step.run());
    }

    static ClientReport firstAccepted(Client client, List<Steps> order) throws Dns.Unreachable {
        List<StepResult> done = new ArrayList<>();
        for (Steps s : order) {
            List<StepResult> results = s.run();
            done.addAll(results);
            if (results.stream().anyMatch(StepResult::accepted)) {
                break;
            }
        }
        return ClientReport.firstAccepted(client, done);
    }
}
