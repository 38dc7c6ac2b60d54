package org.mailautoconf.directory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A throw-away PostgreSQL 15 cluster (Debian's binaries, never the packaged service): initdb in a
 * temporary directory, pg_ctl start on a free loopback port with its socket in that directory,
 * password logins over TCP. initdb refuses root, so as root the commands run as the
 * {@code postgres} user through {@code runuser}.
 */
final class Postgres implements AutoCloseable {

    private static final String BIN = "/usr/lib/postgresql/15/bin/";

    private final Path dir;
    final int port;

    private Postgres(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** Starts a cluster in a new directory under the system's temporary directory (the postgres user must reach it). */
    static Postgres start() throws IOException, InterruptedException {
        Path dir = ThrowawayServer.directory("mailautoconf-pg");
        Path data = dir.resolve("data");
        run(dir, BIN + "initdb", "-D", data.toString(), "-U", "admin", "-E", "UTF8", "--locale=C",
                "--auth-local=trust", "--auth-host=scram-sha-256");
        int port = LocalPorts.free();
        run(dir, BIN + "pg_ctl", "-D", data.toString(), "-w", "-t", "30", "-l", dir.resolve("server.log").toString(),
                "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
        return new Postgres(dir, port);
    }

    /** A cluster with database {@code postfix} holding PostfixAdmin's tables and rows, then {@code moreSql}. */
    static Postgres withPostfixAdmin(String moreSql) throws IOException, InterruptedException {
        Postgres postgres = start();
        postgres.sql("postgres", "CREATE DATABASE postfix;");
        postgres.sql("postfix", Files.readString(Path.of("src/test/resources/directory/postfixadmin.sql")) + moreSql);
        return postgres;
    }

    /** Runs SQL as the cluster's superuser over the Unix socket. */
    void sql(String database, String sql) throws IOException, InterruptedException {
        Path file = dir.resolve("script-" + System.nanoTime() + ".sql");
        Files.writeString(file, sql, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        run(dir, BIN + "psql", "-v", "ON_ERROR_STOP=1", "-q", "-h", dir.toString(), "-p", Integer.toString(port),
                "-U", "admin", "-d", database, "-f", file.toString());
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        ThrowawayServer.run(dir, "postgres", command);
    }

    /** Throws no InterruptedException, which each try-with-resources would have to handle (javac's -Xlint:try). */
    @Override
    public void close() throws IOException {
        try {
            run(dir, BIN + "pg_ctl", "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping PostgreSQL", e);
        } finally {
            ThrowawayServer.delete(dir);
        }
    }
}
