package org.mailautoconf.registry.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A hoster's plain domain list: comments and blanks skipped, each bad or repeated name at its line and column. */
class DomainListFileTest {

    @TempDir
    Path tmp;

    @Test
    void namesCommentsAndBlanks_normalised() throws Exception {
        Path list = Files.writeString(tmp.resolve("customers.txt"), """
                # exported 2026-11-28
                customer1.example
                  Customer2.EXAMPLE.   # upper case and a final dot
                
                città.example
                customer3.example\r
                last.example""");

        DomainListFile.Read read = DomainListFile.read(list, "customers.txt");

        assertThat(read.problems()).isEmpty();
        assertThat(read.names().size()).isEqualTo(5);
        for (String name : new String[] {"customer1.example", "customer2.example", "xn--citt-3na.example", "customer3.example", "last.example"}) {
            assertThat(read.names().contains(name)).as(name).isTrue();
        }
    }

    @Test
    void badAndRepeatedNames_atTheirLineAndColumn() throws Exception {
        Path list = Files.writeString(tmp.resolve("customers.txt"), """
                good.example
                  bad_name.example
                -dash.example
                good.example
                GOOD.example
                """ + "x".repeat(2000) + "\n");

        DomainListFile.Read read = DomainListFile.read(list, "customers.txt");

        assertThat(read.problems()).extracting(p -> p.code() + " " + p.location())
                .containsExactly("bad-domain customers.txt:2:3", "bad-domain customers.txt:3:1",
                        "duplicate-domain customers.txt:4:1", "duplicate-domain customers.txt:5:1", "bad-domain customers.txt:6:1");
        assertThat(read.problems().get(0).message()).contains("'bad_name.example' is not a valid domain");
        assertThat(read.problems().get(2).message()).contains("good.example is listed twice in customers.txt");
    }

    @Test
    void manyProblems_theFirstHundredThenACount() throws Exception {
        Path list = lines(tmp.resolve("bad.txt"), 250, "bad_%d.example");
        DomainListFile.Read read = DomainListFile.read(list, "bad.txt");
        assertThat(read.problems()).hasSize(DomainListFile.MAX_PROBLEMS + 1);
        assertThat(read.problems().get(DomainListFile.MAX_PROBLEMS).message()).startsWith("150 more problems in bad.txt");
    }

    @Test
    void aMillionLines_readIntoTheCompactSet() throws Exception {
        Path list = lines(tmp.resolve("million.txt"), 1_000_000, "customer%d.example");
        DomainListFile.Read read = DomainListFile.read(list, "million.txt");
        assertThat(read.problems()).isEmpty();
        assertThat(read.names().size()).isEqualTo(1_000_000);
        assertThat(read.names().contains("customer999999.example")).isTrue();
        assertThat(read.names().contains("customer1000000.example")).isFalse();
    }

    /** A list of {@code count} lines, line i being {@code pattern} with i in it. */
    private static Path lines(Path list, int count, String pattern) throws java.io.IOException {
        try (BufferedWriter w = Files.newBufferedWriter(list)) {
            for (int i = 0; i < count; i++) {
                w.write(pattern.replace("%d", Integer.toString(i)));
                w.write('\n');
            }
        }
        return list;
    }
}
