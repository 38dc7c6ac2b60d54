package org.mailautoconf.check;

import java.util.List;

/** One client's outcome: works, fails, or not applicable to this provider, with its steps in the client's order. */
public record ClientReport(Client client, Verdict verdict, String summary, List<StepResult> steps) {

    public enum Verdict { WORKS, FAILS, NOT_APPLICABLE }

    public ClientReport {
        steps = List.copyOf(steps);
    }

    /** The client takes the first step it accepts (Thunderbird's priority order, Outlook's probe order). */
    static ClientReport firstAccepted(Client client, List<StepResult> steps) {
        for (StepResult s : steps) {
            if (s.accepted()) {
                if (s.works()) {
                    return new ClientReport(client, Verdict.WORKS, "configures itself from " + s.step(), steps);
                }
                return new ClientReport(client, Verdict.FAILS, "would configure itself from " + s.step()
                        + ", which answers differently from this registry", steps);
            }
        }
        return new ClientReport(client, Verdict.FAILS, "no step gave settings it accepts", steps);
    }

    /** The client needs every step (Apple's page and profile; every RFC 6186 record). */
    static ClientReport allNeeded(Client client, List<StepResult> steps) {
        List<StepResult> failing = steps.stream().filter(s -> !s.works()).toList();
        if (failing.isEmpty()) {
            return new ClientReport(client, Verdict.WORKS, "every step works", steps);
        }
        return new ClientReport(client, Verdict.FAILS, failing.size() + " of " + steps.size() + " steps fail, first: " + failing.get(0).step(),
                steps);
    }

    static ClientReport notApplicable(Client client, String why) {
        return new ClientReport(client, Verdict.NOT_APPLICABLE, why, List.of());
    }
}
