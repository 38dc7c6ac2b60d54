package org.mailautoconf.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The JVM settings that change the service's speed are the same in every documented way of
 * starting it as in the benchmark that measured it (issue 14): bench/run's command, the
 * container image's entrypoint, the systemd unit's ExecStart with its example env file.
 */
class JvmSettingsTest {

    /**
     * What matters of a JVM command line: its flags other than the heap's size (which follows the
     * machine), the archive's path and logging; whether the heap is sized once (initial = maximum);
     * whether a class-data archive is used.
     */
    record JvmSettings(Set<String> flags, boolean heapSizedOnce, boolean classDataArchive) {

        /** Flags that act only on failure, not on speed. */
        private static final Set<String> NOT_SPEED = Set.of("-XX:+ExitOnOutOfMemoryError");

        static JvmSettings of(List<String> jvmFlags) {
            Set<String> flags = new TreeSet<>();
            String xms = null;
            String xmx = null;
            String initialPercent = null;
            String maxPercent = null;
            boolean archive = false;
            for (String f : jvmFlags) {
                if (f.startsWith("-Xms")) {
                    xms = f.substring(4);
                } else if (f.startsWith("-Xmx")) {
                    xmx = f.substring(4);
                } else if (f.startsWith("-XX:InitialRAMPercentage=")) {
                    initialPercent = f.substring(f.indexOf('=') + 1);
                } else if (f.startsWith("-XX:MaxRAMPercentage=")) {
                    maxPercent = f.substring(f.indexOf('=') + 1);
                } else if (f.startsWith("-XX:SharedArchiveFile=")) {
                    archive = true;
                } else if (!f.startsWith("-Xlog") && !NOT_SPEED.contains(f)) {
                    flags.add(f);
                }
            }
            boolean once = xmx != null ? xmx.equals(xms) && initialPercent == null && maxPercent == null
                    : maxPercent != null && maxPercent.equals(initialPercent);
            return new JvmSettings(flags, once, archive);
        }
    }

    /**
     * The JVM flags of the measured service: bench/run starts it as the README does, with
     * bin/mailautoconf (its {@code DEFAULTS}), adding the archive in {@code JAVA_OPTS}.
     */
    static List<String> benchFlags() {
        String run = DeployFiles.read(Path.of("bench/run")).replace("\\\n", " ");
        List<String> found = new ArrayList<>();
        for (String line : DeployFiles.read(Path.of("bin/mailautoconf")).lines().map(String::strip).toList()) {
            if (line.startsWith("DEFAULTS=\"")) {
                found.addAll(List.of(line.substring("DEFAULTS=\"".length(), line.lastIndexOf('"')).split("\\s+")));
            }
        }
        assertThat(found).as("bin/mailautoconf's default JVM flags").isNotEmpty();
        boolean started = false;
        for (String line : run.lines().map(String::strip).toList()) {
            if (line.startsWith("JAVA_OPTS=\"") && line.contains(" bin/mailautoconf serve ")) {
                found.addAll(List.of(line.substring("JAVA_OPTS=\"".length(), line.indexOf('"', "JAVA_OPTS=\"".length())).split("\\s+")));
                started = true;
                break;
            }
        }
        assertThat(started).as("bench/run starts the service with bin/mailautoconf serve, as the README does").isTrue();
        return found;
    }

    static List<String> imageFlags() {
        Dockerfile image = Dockerfile.parse(DeployFiles.read(DeployFiles.DOCKERFILE));
        List<String> entrypoint = Dockerfile.execForm(image.last("ENTRYPOINT"));
        assertThat(image.env()).as("no JVM flags hidden in the image's environment").doesNotContainKeys("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS");
        return entrypoint.subList(1, entrypoint.indexOf("-jar"));
    }

    static List<String> unitFlags() {
        Map<String, String> env = SystemdUnitTest.environment();
        List<String> flags = new ArrayList<>();
        for (String word : SystemdUnitTest.value("ExecStart").split("\\s+")) {
            if (word.equals("-jar")) {
                break;
            }
            if (word.equals("$JAVA_OPTS")) {
                flags.addAll(List.of(env.getOrDefault("JAVA_OPTS", "").split("\\s+")));
            } else if (!word.endsWith("/java")) {
                flags.add(word);
            }
        }
        return flags;
    }

    @Test
    void theBenchsSettings_areTheImagesAndTheUnits() {
        JvmSettings bench = JvmSettings.of(benchFlags());
        // What the bench measures today: the throughput collector, a fixed heap, the archive.
        assertThat(bench.flags()).contains("-XX:+UseParallelGC");
        assertThat(bench.heapSizedOnce()).isTrue();
        assertThat(bench.classDataArchive()).isTrue();
        assertThat(JvmSettings.of(imageFlags())).as("the container image's entrypoint").isEqualTo(bench);
        assertThat(JvmSettings.of(unitFlags())).as("the systemd unit's ExecStart with the example env file").isEqualTo(bench);
    }

    @Test
    void aDifferenceIsSeen() {
        // The comparison is not blind: the JVM's default collector or a growing heap differ.
        JvmSettings bench = JvmSettings.of(benchFlags());
        assertThat(JvmSettings.of(List.of("-Xmx1g", "-XX:SharedArchiveFile=x"))).isNotEqualTo(bench);
        List<String> growing = new ArrayList<>(benchFlags());
        growing.removeIf(f -> f.startsWith("-Xms"));
        assertThat(JvmSettings.of(growing)).isNotEqualTo(bench);
    }
}
