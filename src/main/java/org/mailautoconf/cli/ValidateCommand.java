package org.mailautoconf.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mailautoconf.format.pacc.PaccRenderer;
import org.mailautoconf.registry.load.LoadResult;
import org.mailautoconf.registry.load.Location;
import org.mailautoconf.registry.load.Problem;
import org.mailautoconf.registry.load.RegistryLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a provider directory: every error (exit 1) and every client warning, with file, line and field.")
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "DIR", defaultValue = "${env:MAILAUTOCONF_PROVIDERS:-providers.d}",
            description = "Directory of provider files (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--default-provider", paramLabel = "ID", defaultValue = "${env:MAILAUTOCONF_DEFAULT_PROVIDER}",
            description = "Also check that this provider id exists.")
    String defaultProvider;

    @Option(names = "--strict", description = "Exit 1 on warnings too.")
    boolean strict;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        LoadResult result = new RegistryLoader().load(dir, java.util.Optional.ofNullable(defaultProvider).filter(s -> !s.isBlank()));
        List<Problem> problems = result.problems();
        problems.forEach(p -> out.println(p));
        long errors = problems.stream().filter(p -> p.severity() == Problem.Severity.ERROR).count();
        long warnings = problems.stream().filter(p -> p.severity() == Problem.Severity.WARNING).count();
        long notes = problems.stream().filter(p -> p.severity() == Problem.Severity.NOTE).count();
        if (result.registry().isPresent()) {
            var r = result.registry().get();
            paccNotes(r).forEach(p -> out.println(p));
            out.printf("%s: valid, registry %s: %d providers, %d domains; %d warnings, %d assumptions to confirm%n",
                    dir, r.version(), r.providers().size(), r.domainCount(), warnings, notes);
        } else {
            out.printf("%s: invalid: %d %s, %d %s%n", dir, errors, errors == 1 ? "error" : "errors",
                    warnings, warnings == 1 ? "warning" : "warnings");
        }
        out.flush();
        return errors > 0 || (strict && warnings > 0) ? 1 : 0;
    }

    /**
     * A note per provider that gets no PACC document, and why: the format has no port, socket type
     * or user name, so a provider that needs one is served nothing rather than something wrong.
     */
    static List<Problem> paccNotes(org.mailautoconf.registry.Registry registry) {
        PaccRenderer pacc = new PaccRenderer();
        return registry.providers().stream().filter(p -> p.primaryDomain().isPresent())
                .flatMap(p -> pacc.whyNot(p).stream().map(why -> new Problem(Problem.Severity.NOTE,
                        new Location(p.source().toString(), 1, 1), "", "pacc-inexpressible",
                        "no PACC document (" + PaccRenderer.DRAFT + ") for " + p.id() + ": " + why)))
                .toList();
    }
}
