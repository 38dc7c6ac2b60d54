package org.mailautoconf.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.mailautoconf.format.pacc.PaccRenderer;
import org.mailautoconf.registry.load.LoadResult;
import org.mailautoconf.registry.load.Location;
import org.mailautoconf.registry.load.Problem;
import org.mailautoconf.registry.load.RegistryLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check a provider directory, or one provider file: every error (exit 1) and every client warning,"
                + " with file, line and field.",
                "A single file is checked among the files of its directory (extends, duplicate domains and ids),"
                        + " and only its own problems are shown."})
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RegistryOptions registry;

    @Parameters(arity = "0..1", paramLabel = "DIR|FILE",
            description = "Directory of provider files, or one provider file (default: -p, else ${env:MAILAUTOCONF_PROVIDERS:-providers.d}).")
    Path target;

    @Option(names = "--strict", description = "Exit 1 on warnings too.")
    boolean strict;

    /** With a directories file, each provider's {@code directory.source} must name one of its sources. */
    @Mixin
    DirectoryOptions directories;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path path = target != null ? target : registry.providers;
        if (!Files.exists(path)) {
            out.printf("%s: no such directory or file: give the provider directory (such as providers.d) or one provider file%n", path);
            out.flush();
            return 1;
        }
        boolean oneFile = Files.isRegularFile(path);
        if (oneFile && !(path.toString().endsWith(".yaml") || path.toString().endsWith(".yml"))) {
            out.printf("%s: not a provider file: provider files are named *.yaml or *.yml%n", path);
            out.flush();
            return 1;
        }
        Path dir = oneFile ? Optional.ofNullable(path.getParent()).orElse(Path.of("")) : path;
        LoadResult result = new RegistryLoader().load(dir, registry.defaultProvider());
        List<Problem> all = new java.util.ArrayList<>(result.problems());
        if (directories.file().isPresent() && result.registry().isPresent()) {
            Optional<List<Problem>> sources = DirectorySourceCheck.problems(result.registry().get(), directories.file().get(), out);
            if (sources.isEmpty()) {
                out.flush();
                return 1;
            }
            all.addAll(sources.get());
        }
        List<Problem> problems = oneFile ? all.stream().filter(p -> concerns(p, path, dir)).toList() : all;
        problems.forEach(p -> out.println(p));
        long errors = problems.stream().filter(p -> p.severity() == Problem.Severity.ERROR).count();
        long warnings = problems.stream().filter(p -> p.severity() == Problem.Severity.WARNING).count();
        long notes = problems.stream().filter(p -> p.severity() == Problem.Severity.NOTE).count();
        if (oneFile && errors == 0) {
            out.printf("%s: valid; %d warnings, %d assumptions to confirm%n", path, warnings, notes);
        } else if (result.registry().isPresent() && errors == 0) {
            var r = result.registry().get();
            paccNotes(r).forEach(p -> out.println(p));
            out.printf("%s: valid, registry %s: %d providers, %d domains; %d warnings, %d assumptions to confirm%n",
                    path, r.version(), r.providers().size(), r.domainCount(), warnings, notes);
        } else {
            out.printf("%s: invalid: %d %s, %d %s%n", path, errors, errors == 1 ? "error" : "errors",
                    warnings, warnings == 1 ? "warning" : "warnings");
        }
        out.flush();
        return errors > 0 || (strict && warnings > 0) ? 1 : 0;
    }

    /**
     * A problem in this one file, one naming it (a domain it claims, blamed on a file changed
     * after it), or one of the whole directory (a default provider that is missing).
     */
    private static boolean concerns(Problem p, Path file, Path dir) {
        Path at = Path.of(p.location().file()).normalize();
        return at.equals(file.normalize()) || at.equals(dir.normalize()) 
                || java.util.regex.Pattern.compile("(^|\\s)" + java.util.regex.Pattern.quote(file.toString()) + "($|[;,\\s])")
                        .matcher(p.message()).find();
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
