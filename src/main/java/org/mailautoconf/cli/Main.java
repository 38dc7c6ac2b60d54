package org.mailautoconf.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code mailautoconf serve | validate | render | dns | check}. */
@Command(name = "mailautoconf", mixinStandardHelpOptions = true, version = "mailautoconf 0.1.0",
        description = "Tells mail clients how to reach a mail provider.",
        subcommands = {ServeCommand.class, ValidateCommand.class, RenderCommand.class,
                DnsCommand.class,
                CheckCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int status = commandLine().execute(args);
        if (status != 0 || !isServe(args)) {
            System.exit(status);
        }
    }

    static CommandLine commandLine() {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    private static boolean isServe(String[] args) {
        return args.length > 0 && args[0].equals("serve");
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
