package org.mailautoconf.directory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.mailautoconf.testing.TestProcess;

/**
 * A throw-away MariaDB server (Debian's {@code mariadb-server} binaries, never the packaged
 * service): {@code mariadb-install-db} in a temporary directory, {@code mariadbd} on a free
 * loopback port with its socket there, no binary log, a small buffer pool. The administrator
 * logs in over the socket as the system user that made the data directory ({@code mysql} when
 * the tests run as root, as the server itself then does); the service logs in over TCP with a
 * password.
 */
final class MariaDb implements AutoCloseable {

    private final Path dir;
    private final Process server;
    final int port;

    private MariaDb(Path dir, Process server, int port) {
        this.dir = dir;
        this.server = server;
        this.port = port;
    }

    private static String user() {
        return ThrowawayServer.isRoot() ? "mysql" : System.getProperty("user.name");
    }

    static MariaDb start() throws IOException, InterruptedException {
        Path dir = ThrowawayServer.directory("mailautoconf-mariadb");
        Path data = dir.resolve("data");
        ThrowawayServer.run(dir, user(), "mariadb-install-db", "--no-defaults", "--datadir=" + data,
                "--auth-root-authentication-method=socket", "--skip-test-db", "--skip-name-resolve");
        int port = LocalPorts.free();
        Process server = new ProcessBuilder(ThrowawayServer.as(user(), "/usr/sbin/mariadbd", "--no-defaults",
                "--datadir=" + data, "--socket=" + dir.resolve("sock"), "--port=" + port, "--bind-address=127.0.0.1",
                "--skip-name-resolve", "--skip-log-bin", "--innodb-buffer-pool-size=16M", "--pid-file=" + dir.resolve("pid")))
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile()).start();
        MariaDb db = new MariaDb(dir, server, port);
        try {
            LocalPorts.awaitListening(port, Duration.ofSeconds(30), server);
        } catch (AssertionError e) {
            db.close();
            throw new AssertionError(e.getMessage() + ": " + Files.readString(dir.resolve("server.log")), e);
        }
        return db;
    }

    /** Runs SQL as the administrator over the Unix socket. */
    void sql(String database, String sql) throws IOException, InterruptedException {
        Path file = dir.resolve("script-" + System.nanoTime() + ".sql");
        Files.writeString(file, sql, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        ThrowawayServer.run(dir, user(), "mariadb", "--no-defaults", "-S", dir.resolve("sock").toString(), "-u", user(),
                "-D", database, "-e", "source " + file);
    }

    String jdbcUrl(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public void close() throws IOException {
        try {
            if (server.isAlive()) {
                ThrowawayServer.run(dir, user(), "mariadb-admin", "--no-defaults", "-S", dir.resolve("sock").toString(),
                        "-u", user(), "shutdown");
            }
            if (!server.waitFor(20, TimeUnit.SECONDS)) {
                server.descendants().forEach(ProcessHandle::destroyForcibly);
            }
        } catch (InterruptedException e) {
            // try-with-resources' close() declares no InterruptedException (-Xlint:try); keep the flag.
            Thread.currentThread().interrupt();
        } finally {
            TestProcess.stop(server);
            ThrowawayServer.delete(dir);
        }
    }
}
