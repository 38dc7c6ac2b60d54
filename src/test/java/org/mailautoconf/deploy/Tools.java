package org.mailautoconf.deploy;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real checkers of each file format (named-checkzone, nginx, systemd-analyze, kubectl). A
 * test that needs one is skipped, saying which and how to get it, only when it is not installed;
 * .ci/install-deploy-tools installs those Debian has.
 */
final class Tools {

    record Result(int exitCode, String output) {}

    private Tools() {
    }

    static Optional<Path> find(String name) {
        Stream<String> dirs = Stream.concat(Stream.of(System.getenv().getOrDefault("PATH", "").split(":")),
                Stream.of("/usr/sbin", "/sbin", "/usr/bin"));
        return dirs.filter(d -> !d.isEmpty()).map(d -> Path.of(d, name)).filter(Files::isExecutable).findFirst();
    }

    /** The tool, or the test is skipped with {@code howToGet} in the message. */
    static Path require(String name, String howToGet) {
        Optional<Path> tool = find(name);
        assumeTrue(tool.isPresent(), () -> name + " is not installed, so this check did not run: " + howToGet);
        return tool.get();
    }

    static Result run(Path workDir, String... command) {
        return run(workDir, List.of(command));
    }

    static Result run(Path workDir, List<String> command) {
        return run(workDir, Duration.ofSeconds(60), command);
    }

    /** Runs {@code command} to its end, or fails after {@code timeout} with the output so far. */
    static Result run(Path workDir, Duration timeout, List<String> command) {
        try {
            Path out = Files.createTempFile("tool", ".out");
            try {
                Process p = new ProcessBuilder(new ArrayList<>(command)).directory(workDir.toFile()).redirectErrorStream(true)
                        .redirectOutput(out.toFile()).start();
                if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    throw new AssertionError("timed out after " + timeout + ": " + command + "\n" + Files.readString(out, StandardCharsets.UTF_8));
                }
                return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
