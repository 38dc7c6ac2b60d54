package org.mailautoconf.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** One run of the command line in this JVM: its exit status, standard output bytes and standard error text. */
record CliRun(int status, byte[] out, String err) {

    static CliRun run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            return new CliRun(Main.commandLine().execute(args), o.toByteArray(), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    /** The same as {@link #run}. */
    static CliRun of(String... args) {
        return run(args);
    }

    String outText() {
        return new String(out, StandardCharsets.UTF_8);
    }
}
