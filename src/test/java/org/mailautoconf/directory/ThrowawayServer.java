package org.mailautoconf.directory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What the throw-away database servers of the tests share: a temporary directory their system
 * user can reach, commands run as that user when the tests run as root (initdb and
 * mariadb-install-db refuse or misbehave as root), and the directory removed afterwards.
 */
final class ThrowawayServer {

    private ThrowawayServer() {
    }

    /** A new directory under the system's temporary directory that the server's user may write. */
    static Path directory(String prefix) throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        return dir;
    }

    /** The command, as {@code user} when the tests run as root. */
    static List<String> as(String user, String... command) {
        List<String> cmd = new ArrayList<>();
        if (isRoot()) {
            cmd.addAll(List.of("runuser", "-u", user, "--"));
        }
        cmd.addAll(List.of(command));
        return cmd;
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Runs to the end within a minute, or fails with what it printed. */
    static void run(Path dir, String user, String... command) throws IOException, InterruptedException {
        Path log = dir.resolve("command.log");
        Process p = new ProcessBuilder(as(user, command)).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " failed: " + Files.readString(log));
        }
    }

    static void delete(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
