package org.mailautoconf.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The compact set of listed domains agrees with a HashSet, through growth, collisions and edits. */
class DomainSetTest {

    private static boolean add(DomainTable.Builder b, String name) {
        byte[] bytes = name.getBytes(StandardCharsets.US_ASCII);
        return b.add(bytes, 0, bytes.length);
    }

    @Test
    void containsWhatWasAdded_andNothingElse_duplicatesRefused() {
        DomainTable.Builder b = DomainTable.builder(2);
        assertThat(add(b, "customer1.example")).isTrue();
        assertThat(add(b, "customer2.example")).isTrue();
        assertThat(add(b, "customer1.example")).as("twice").isFalse();
        DomainSet set = DomainSet.of(b.build());
        assertThat(set.size()).isEqualTo(2);
        assertThat(set.contains("customer1.example")).isTrue();
        assertThat(set.contains("customer2.example")).isTrue();
        assertThat(set.contains("customer3.example")).isFalse();
        assertThat(set.contains("customer1.exampl")).isFalse();
        assertThat(set.contains("")).isFalse();
        assertThat(DomainSet.of(DomainTable.builder(0).build()).contains("a.example")).isFalse();
    }

    @Test
    void agreesWithAHashSet_over200kRandomNames_grownFromATinyGuess() {
        SplittableRandom random = new SplittableRandom(7);
        Set<String> expected = new HashSet<>();
        DomainTable.Builder b = DomainTable.builder(10);
        int disagreements = 0;
        for (int i = 0; i < 200_000; i++) {
            String name = "c" + Integer.toString(random.nextInt(150_000), 36) + "." + (random.nextBoolean() ? "example" : "test");
            disagreements += add(b, name) == expected.add(name) ? 0 : 1;
        }
        assertThat(disagreements).as("adds that disagree with HashSet.add").isZero();
        DomainSet set = DomainSet.of(b.build());
        assertThat(set.size()).isEqualTo(expected.size());
        assertThat(expected.stream().filter(n -> !set.contains(n)).count()).as("names added but not found").isZero();
        int absent = 0;
        for (int i = 0; i < 50_000; i++) {
            String name = "d" + Integer.toString(i, 36) + ".example";
            absent += set.contains(name) ? 0 : 1;
        }
        assertThat(absent).isEqualTo(50_000);
        assertThat(set.bytes()).as("compact: under 40 bytes a name").isLessThan(40L * set.size());
    }

    @Test
    void edits_agreeWithAHashSet_theBaseUntouched_removedThenAddedNamesBack() {
        SplittableRandom random = new SplittableRandom(16);
        Set<String> expected = new HashSet<>();
        DomainTable.Builder b = DomainTable.builder(1000);
        for (int i = 0; i < 50_000; i++) {
            String name = "c" + i + ".example";
            add(b, name);
            expected.add(name);
        }
        DomainSet set = DomainSet.of(b.build());
        DomainTable base = set.base();
        for (int round = 0; round < 20; round++) {
            DomainSet before = set;
            Set<String> expectedBefore = new HashSet<>(expected);
            DomainSet.Editor edit = set.edit();
            int disagreements = 0;
            for (int k = 0; k < 2_000; k++) {
                // Names of the base, of earlier edits and new ones, removed and added in any order.
                int n = random.nextInt(60_000);
                String name = (random.nextInt(4) == 0 ? "n" : "c") + n + ".example";
                byte[] bytes = name.getBytes(StandardCharsets.US_ASCII);
                boolean removing = random.nextBoolean();
                boolean done = removing ? edit.remove(bytes, 0, bytes.length) : edit.add(bytes, 0, bytes.length);
                disagreements += done == (removing ? expected.remove(name) : expected.add(name)) ? 0 : 1;
            }
            assertThat(disagreements).as("edits that disagree with HashSet").isZero();
            set = edit.build();
            assertThat(set.base()).as("the base is shared, not copied").isSameAs(base);
            assertThat(set.size()).isEqualTo(expected.size());
            for (int n = 0; n < 60_000; n++) {
                for (String name : new String[] {"c" + n + ".example", "n" + n + ".example"}) {
                    assertThat(set.contains(name)).as(name).isEqualTo(expected.contains(name));
                    assertThat(before.contains(name)).as("the set edited from keeps " + name).isEqualTo(expectedBefore.contains(name));
                }
            }
        }
        assertThat(set.overlaySize()).as("the edits sit in the small tables").isPositive().isLessThan(expected.size());
        DomainTable.Builder other = DomainTable.builder(10);
        add(other, "c1.example");
        add(other, "n1.example");
        add(other, "zz.example");
        java.util.List<String> common = set.common(DomainSet.of(other.build()), 10);
        assertThat(common).containsExactlyInAnyOrderElementsOf(
                java.util.stream.Stream.of("c1.example", "n1.example").filter(expected::contains).toList());
    }
}
