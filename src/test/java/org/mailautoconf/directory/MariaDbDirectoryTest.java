package org.mailautoconf.directory;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * PostfixAdmin's cases against a real MariaDB (Debian's mariadb-server) with PostfixAdmin's
 * MySQL tables, through MariaDB's JDBC driver: the shipped example with only its URL changed.
 */
class MariaDbDirectoryTest extends PostfixAdminCases {

    static MariaDb mariadb;

    @BeforeAll
    static void start() throws Exception {
        mariadb = MariaDb.start();
        mariadb.sql("mysql", "CREATE DATABASE postfix;");
        mariadb.sql("postfix", Files.readString(Path.of("src/test/resources/directory/postfixadmin-mysql.sql")));
    }

    @AfterAll
    static void stop() throws Exception {
        if (mariadb != null) {
            mariadb.close();
        }
    }

    @Override
    String url(int port) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/postfix";
    }

    @Override
    int port() {
        return mariadb.port;
    }
}
