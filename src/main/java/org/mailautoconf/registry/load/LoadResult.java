package org.mailautoconf.registry.load;

import java.util.List;
import java.util.Optional;
import org.mailautoconf.registry.Registry;

/** What a load gives: a registry when no error was found, and every problem either way. */
public record LoadResult(Optional<Registry> registry, List<Problem> problems) {

    public LoadResult {
        problems = List.copyOf(problems);
    }

    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    public boolean ok() {
        return registry.isPresent();
    }
}
