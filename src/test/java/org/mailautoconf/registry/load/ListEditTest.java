package org.mailautoconf.registry.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A changed list read as an edit of its last read gives what a whole read of it gives. */
class ListEditTest {

    @TempDir
    Path tmp;

    /** A comment when asked, then c0.example up to {@code count} names. */
    private static List<String> names(int count, boolean comment) {
        List<String> lines = new ArrayList<>();
        if (comment) {
            lines.add("# customers");
        }
        for (int i = 0; i < count; i++) {
            lines.add("c" + i + ".example");
        }
        return lines;
    }

    private Path write(List<String> lines) throws Exception {
        return Files.write(tmp.resolve("customers.txt"), lines);
    }

    private static void assertSame(DomainListFile.Read edited, DomainListFile.Read whole, List<String> lines, List<String> gone) {
        assertThat(edited.problems()).isEqualTo(whole.problems());
        assertThat(edited.checksum()).isEqualTo(whole.checksum());
        assertThat(edited.names().size()).isEqualTo(whole.names().size());
        for (String l : lines) {
            if (!l.startsWith("#") && !l.isBlank()) {
                assertThat(edited.names().contains(l)).as(l).isTrue();
            }
        }
        for (String g : gone) {
            assertThat(edited.names().contains(g)).as("removed " + g).isFalse();
        }
    }

    @Test
    void successiveEdits_giveWhatAWholeReadGives_untilTheOverlayIsFull() throws Exception {
        List<String> lines = names(20_000, true);
        Path file = write(lines);
        DomainListFile.Read read = DomainListFile.read(file, "customers.txt");
        Random random = new Random(16);
        int fresh = 0;
        for (int round = 0; round < 4; round++) {
            List<String> gone = new ArrayList<>();
            for (int k = 0; k < 50; k++) {
                int at = 1 + random.nextInt(lines.size() - 1);
                switch (k % 3) {
                    case 0 -> gone.add(lines.remove(at));
                    case 1 -> lines.add(at, "n" + fresh++ + ".example");
                    default -> {
                        gone.add(lines.get(at));
                        lines.set(at, "m" + fresh++ + ".example");
                    }
                }
            }
            gone.removeIf(lines::contains);
            write(lines);

            DomainListFile.Read edited = ListEdit.edit(file, "customers.txt", read);
            DomainListFile.Read whole = DomainListFile.read(file, "customers.txt");

            assertThat(edited).as("read as an edit").isNotNull();
            assertSame(edited, whole, lines, gone);
            assertThat(edited.names().base()).as("the base table is shared").isSameAs(read.names().base());
            assertThat(edited.names().overlaySize()).isGreaterThan(read.names().overlaySize());
            read = edited;
        }
    }

    @Test
    void theLastLineReplaced_theOldNameGone() throws Exception {
        Path file = Files.writeString(tmp.resolve("customers.txt"), org.mailautoconf.testing.DomainLists.list(20_000, "leaving.example"));
        DomainListFile.Read read = DomainListFile.read(file, "customers.txt");
        Files.writeString(file, org.mailautoconf.testing.DomainLists.list(20_000, "arriving.example"));

        DomainListFile.Read edited = ListEdit.edit(file, "customers.txt", read);

        assertThat(edited.names().contains("arriving.example")).isTrue();
        assertThat(edited.names().contains("leaving.example")).isFalse();
        assertThat(edited.names().contains("shop19999.example")).isTrue();
        assertThat(edited.names().size()).isEqualTo(20_001);
    }

    @Test
    void aNameAddedTwice_aProblemAtItsLine_asAWholeReadSays() throws Exception {
        List<String> lines = names(5_000, false);
        Path file = write(lines);
        DomainListFile.Read read = DomainListFile.read(file, "customers.txt");
        lines.add(4_000, "  c10.example");
        write(lines);

        DomainListFile.Read edited = ListEdit.edit(file, "customers.txt", read);

        assertThat(edited.problems()).extracting(p -> p.code() + " " + p.location())
                .containsExactly("duplicate-domain customers.txt:4001:3");
        assertThat(ListEdit.edit(file, "customers.txt", edited)).as("no edit of a read with problems").isNull();
    }

    @Test
    void aWholeNewList_isReadWhole() throws Exception {
        List<String> lines = names(600_000, false);
        Path file = write(lines);
        DomainListFile.Read read = DomainListFile.read(file, "customers.txt");
        lines.replaceAll(l -> "x" + l);
        write(lines);

        assertThat(ListEdit.edit(file, "customers.txt", read)).isNull();
    }

    @Test
    void namesRemovedThenAddedBack_andIdnNames_lookedUpAsAWholeReadDoes() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            lines.add(i % 100 == 0 ? "kunde" + i + ".bücher.example" : i % 100 == 50 ? "xn--mnchen-3ya.c" + i + ".example" : "c" + i + ".example");
        }
        Path file = write(lines);
        DomainListFile.Read read = DomainListFile.read(file, "customers.txt");
        List<String> ever = new ArrayList<>(lines);
        ever.add("neu.bücher.example");
        List<String> removed = new ArrayList<>();
        Random random = new Random(61);
        for (int round = 0; round < 6; round++) {
            if (round % 2 == 0) {
                // Take out 300 lines, IDN ones among them.
                for (int k = 0; k < 300; k++) {
                    removed.add(lines.remove(random.nextInt(lines.size())));
                }
                lines.add(random.nextInt(lines.size()), "neu.bücher.example");
            } else {
                // Put them back elsewhere: removed by one edit, added by the next.
                for (String r : removed) {
                    lines.add(random.nextInt(lines.size()), r);
                }
                removed.clear();
                lines.remove("neu.bücher.example");
            }
            write(lines);
            DomainListFile.Read edited = ListEdit.edit(file, "customers.txt", read);
            DomainListFile.Read whole = DomainListFile.read(file, "customers.txt");
            assertThat(edited).as("round " + round + " read as an edit").isNotNull();
            assertThat(edited.problems()).isEmpty();
            assertThat(edited.names().size()).isEqualTo(whole.names().size());
            for (String name : ever) {
                String ascii = org.mailautoconf.registry.DomainName.parse(name).ascii();
                assertThat(edited.names().contains(ascii)).as(round + ": " + name).isEqualTo(whole.names().contains(ascii));
            }
            read = edited;
        }
        assertThat(read.names().contains(org.mailautoconf.registry.DomainName.parse("kunde100.bücher.example").ascii())).isTrue();
    }

    @Test
    void pastTheOverlayBound_readWhole_andTheWholeReadStartsAFreshBase() throws Exception {
        List<String> lines = names(5_000, false);
        Path file = write(lines);
        DomainListFile.Read read = DomainListFile.read(file, "customers.txt");
        for (int i = 0; i < 30; i++) {
            lines.set(i * 150, "moved" + i + ".example");
        }
        write(lines);
        DomainListFile.Read edited = ListEdit.edit(file, "customers.txt", read, 50);
        assertThat(edited.names().overlaySize()).as("30 removed, 30 added").isEqualTo(60);
        lines.set(4_999, "last.example");
        write(lines);

        assertThat(ListEdit.edit(file, "customers.txt", edited, 50)).as("60 names past a bound of 50: read whole").isNull();
        assertThat(ListEdit.edit(file, "customers.txt", edited, 100)).as("within a bound of 100: an edit").isNotNull();
        DomainListFile.Read whole = DomainListFile.read(file, "customers.txt");
        assertThat(whole.names().overlaySize()).isZero();
        assertThat(whole.names().contains("last.example")).isTrue();
        assertThat(whole.names().contains("moved29.example")).isTrue();
    }
}
