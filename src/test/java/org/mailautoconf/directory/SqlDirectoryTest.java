package org.mailautoconf.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** PostfixAdmin's cases against a real PostgreSQL started once for the class; the file's own checks. */
class SqlDirectoryTest extends PostfixAdminCases {

    static Postgres postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = Postgres.withPostfixAdmin("");
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Override
    String url(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postfix";
    }

    @Override
    int port() {
        return postgres.port;
    }

    @Test
    void passwordInTheFile_isRefused() throws IOException {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "sources:\n  db:\n    type: sql\n    url: jdbc:postgresql://127.0.0.1/x\n"
                + "    password: hunter2\n    lookup: SELECT 1 AS login WHERE :address = ''\n");
        assertThatThrownBy(() -> DirectoryFile.read(file, n -> null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sources.db.password never in this file: use passwordFile or passwordEnv")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void questionMarkOrUnknownParameter_isRefused() {
        assertThatThrownBy(() -> SqlTemplate.parse("SELECT 1 WHERE a = ?", "lookup")).hasMessageContaining("not ?");
        assertThatThrownBy(() -> SqlTemplate.parse("SELECT 1 WHERE a = :user", "lookup")).hasMessageContaining(":user");
        SqlTemplate t = SqlTemplate.parse("SELECT ':address', x::text FROM t WHERE a = :address AND d = :domain", "lookup");
        assertThat(t.jdbc()).isEqualTo("SELECT ':address', x::text FROM t WHERE a = ? AND d = ?");
        assertThat(t.parameters()).containsExactly("address", "domain");
    }
}
