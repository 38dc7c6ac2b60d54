package org.mailautoconf.check;

import java.util.List;
import java.util.Optional;

/**
 * One step of a client's discovery: what was asked, what came back, whether that client would
 * accept it, whether it means what this registry answers (empty: nothing to compare), and the
 * fix in words when the step does not work.
 */
public record StepResult(String client, String step, String asked, String got, boolean accepted, Optional<Boolean> equalsRegistry,
        Optional<String> fix, List<String> notes) {

    public StepResult {
        notes = List.copyOf(notes);
    }

    /** The same result, for a step that began with another request ({@code first}): the JSON, the redirect, the SRV query. */
    StepResult after(String first) {
        return new StepResult(client, step, first + ", then " + asked, got, accepted, equalsRegistry, fix, notes);
    }

    /** Accepted, and not different from the registry. */
    public boolean works() {
        return accepted && equalsRegistry.orElse(true);
    }
}
