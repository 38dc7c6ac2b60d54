package org.mailautoconf.registry.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mailautoconf.registry.load.ProblemAssert.assertThatProblem;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailautoconf.registry.DirectoryUse;

/** The provider field {@code directory:}: bound, inherited, and its mistakes named. */
class DirectoryFieldTest {

    private static final String BASE = """
            id: acme
            name: Acme
            domains: [acme.example]
            incoming: [{type: imap, hostname: imap.acme.example, port: 993, security: tls}]
            outgoing: [{type: smtp, hostname: smtp.acme.example, port: 465, security: tls}]
            """;

    @TempDir
    Path tmp;
    ProviderDir dir;

    @BeforeEach
    void setUp() {
        dir = new ProviderDir(tmp);
    }

    @Test
    void bound_sourceAndWhatItSupplies() {
        var result = dir.file("acme.yaml", BASE + "directory: {source: customers, supplies: [outgoingLogin, canonicalAddress]}\n").load();
        assertThat(result.ok()).isTrue();
        assertThat(result.registry().orElseThrow().provider("acme").orElseThrow().directory()).contains(
                new DirectoryUse("customers", Set.of(DirectoryUse.Value.OUTGOING_LOGIN, DirectoryUse.Value.CANONICAL_ADDRESS)));
    }

    @Test
    void absent_noDirectory() {
        var result = dir.file("acme.yaml", BASE).load();
        assertThat(result.registry().orElseThrow().provider("acme").orElseThrow().directory()).isEmpty();
    }

    @Test
    void unknownValue_isAnErrorNamingTheKnownOnes() {
        var result = dir.file("acme.yaml", BASE + "directory: {source: customers, supplies: [displayName]}\n").load();
        assertThat(result.ok()).isFalse();
        assertThatProblem(result, "unknown-value").isError().hasField("directory.supplies[0]")
                .says("incomingLogin, outgoingLogin, activeSyncLogin, canonicalAddress");
    }

    @Test
    void missingSource_isAnError() {
        var result = dir.file("acme.yaml", BASE + "directory: {supplies: [outgoingLogin]}\n").load();
        assertThat(result.ok()).isFalse();
        assertThatProblem(result, "missing-field").isError().hasField("directory.source");
    }
}
