package org.mailautoconf.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The compact set of listed domains agrees with a HashSet, through growth and collisions. */
class DomainSetTest {

    private static boolean add(DomainSet.Builder b, String name) {
        byte[] bytes = name.getBytes(StandardCharsets.US_ASCII);
        return b.add(bytes, 0, bytes.length);
    }

    @Test
    void containsWhatWasAdded_andNothingElse_duplicatesRefused() {
        DomainSet.Builder b = DomainSet.builder(2);
        assertThat(add(b, "customer1.example")).isTrue();
        assertThat(add(b, "customer2.example")).isTrue();
        assertThat(add(b, "customer1.example")).as("twice").isFalse();
        DomainSet set = b.build();
        assertThat(set.size()).isEqualTo(2);
        assertThat(set.contains("customer1.example")).isTrue();
        assertThat(set.contains("customer2.example")).isTrue();
        assertThat(set.contains("customer3.example")).isFalse();
        assertThat(set.contains("customer1.exampl")).isFalse();
        assertThat(set.contains("")).isFalse();
        assertThat(DomainSet.builder(0).build().contains("a.example")).isFalse();
    }

    @Test
    void agreesWithAHashSet_over200kRandomNames_grownFromATinyGuess() {
        SplittableRandom random = new SplittableRandom(7);
        Set<String> expected = new HashSet<>();
        DomainSet.Builder b = DomainSet.builder(10);
        int disagreements = 0;
        for (int i = 0; i < 200_000; i++) {
            String name = "c" + Integer.toString(random.nextInt(150_000), 36) + "." + (random.nextBoolean() ? "example" : "test");
            disagreements += add(b, name) == expected.add(name) ? 0 : 1;
        }
        assertThat(disagreements).as("adds that disagree with HashSet.add").isZero();
        DomainSet set = b.build();
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
}
