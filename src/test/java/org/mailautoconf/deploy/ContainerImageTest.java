package org.mailautoconf.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailautoconf.HostPort;
import org.mailautoconf.testing.Registries;

/**
 * deploy/container/Dockerfile against the code and the build, read as Docker reads it, and what
 * the image would run run here (its JVM flags, its environment, its command, its HEALTHCHECK).
 * ContainerRunTest builds and runs the image itself.
 */
class ContainerImageTest {

    private static final Dockerfile DOCKERFILE = Dockerfile.parse(DeployFiles.read(DeployFiles.DOCKERFILE));

    @Test
    void listensOnAllInterfaces_onTheExposedPorts_publicAndManagement() {
        Map<String, String> env = DOCKERFILE.env();
        assertThat(env).containsEntry("MAILAUTOCONF_LISTEN", "0.0.0.0");
        HostPort management = HostPort.parse(env.get("MAILAUTOCONF_MANAGEMENT_LISTEN"));
        assertThat(management.host()).isEqualTo("0.0.0.0");
        assertThat(DOCKERFILE.last("EXPOSE").split("\\s+")).containsExactly(env.get("MAILAUTOCONF_PORT"), String.valueOf(management.port()));
    }

    @Test
    void runsAsANumericNonRootUser() {
        // Numeric, so that Kubernetes' runAsNonRoot can check it without reading /etc/passwd.
        assertThat(DOCKERFILE.last("USER")).matches("[0-9]+:[0-9]+");
        assertThat(Integer.parseInt(DOCKERFILE.last("USER").split(":")[0])).isPositive();
    }

    @Test
    void copiesTheJarTheBuildMakes_andRunsIt() {
        Matcher finalName = Pattern.compile("<finalName>([^<]+)</finalName>").matcher(DeployFiles.read(Path.of("pom.xml")));
        assertThat(finalName.find()).isTrue();
        String buildStageDir = DOCKERFILE.all("WORKDIR", 0).get(0);
        assertThat(String.join(" ", DOCKERFILE.all("RUN", 0))).contains("mvn").contains("package");
        String copy = DOCKERFILE.all("COPY", DOCKERFILE.lastStage()).stream().filter(c -> c.startsWith("--from=build ") && c.contains(".jar "))
                .findFirst().orElseThrow();
        String[] parts = copy.split("\\s+");
        assertThat(parts[1]).isEqualTo(buildStageDir + "/target/" + finalName.group(1) + ".jar");
        List<String> entrypoint = Dockerfile.execForm(DOCKERFILE.last("ENTRYPOINT"));
        assertThat(entrypoint.get(0)).isEqualTo("java");
        assertThat(entrypoint.get(entrypoint.indexOf("-jar") + 1)).isEqualTo(parts[2]);
        assertThat(Dockerfile.execForm(DOCKERFILE.last("CMD"))).containsExactly("serve");
    }

    @Test
    void theClassDataArchive_isMadeByTheRuntimeStage_whereTheEntrypointLooks_fromALoadOfTheImagesProviders() {
        List<String> entrypoint = Dockerfile.execForm(DOCKERFILE.last("ENTRYPOINT"));
        List<String> archives = entrypoint.subList(1, entrypoint.indexOf("-jar")).stream()
                .filter(f -> f.startsWith("-XX:SharedArchiveFile=")).map(f -> f.substring("-XX:SharedArchiveFile=".length())).toList();
        assertThat(archives).hasSize(1);
        // Made in the final stage: an archive only maps into the JVM build that wrote it.
        List<String> dumps = DOCKERFILE.all("RUN", DOCKERFILE.lastStage()).stream().filter(r -> r.contains("-XX:ArchiveClassesAtExit=")).toList();
        assertThat(dumps).hasSize(1);
        List<String> dump = List.of(dumps.get(0).split("\\s+"));
        assertThat(dump.get(0)).isEqualTo("java");
        assertThat(dump).contains("-XX:ArchiveClassesAtExit=" + archives.get(0));
        // The jar the entrypoint runs, loading the registry the image answers from.
        String jar = entrypoint.get(entrypoint.indexOf("-jar") + 1);
        assertThat(dump.subList(dump.indexOf("-jar"), dump.indexOf("-jar") + 4))
                .containsExactly("-jar", jar, "validate", DOCKERFILE.env().get("MAILAUTOCONF_PROVIDERS"));
        // Written as root, before the image drops to its user, after the jar and the providers are in.
        List<Dockerfile.Instruction> last = DOCKERFILE.instructions().stream().filter(i -> i.stage() == DOCKERFILE.lastStage()).toList();
        int dumpAt = indexOf(last, "RUN", "-XX:ArchiveClassesAtExit=");
        assertThat(dumpAt).isLessThan(indexOf(last, "USER", ""))
                .isGreaterThan(indexOf(last, "COPY", "--from=build")).isGreaterThan(indexOf(last, "COPY", "providers.d"));
    }

    private static int indexOf(List<Dockerfile.Instruction> instructions, String keyword, String containing) {
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i).keyword().equals(keyword) && instructions.get(i).arguments().contains(containing)) {
                return i;
            }
        }
        throw new AssertionError("no " + keyword + " with " + containing);
    }

    @Test
    void copiesFromTheContext_onlyWhatExists_andTheDockerignoreLetsThrough() {
        List<String> ignored = DeployFiles.read(Path.of(".dockerignore")).lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertThat(ignored).noneMatch(p -> p.startsWith("!")); // exceptions are not modelled here
        int copies = 0;
        for (var i : DOCKERFILE.instructions()) {
            if (!i.keyword().equals("COPY") || i.arguments().startsWith("--from=")) {
                continue;
            }
            String[] parts = i.arguments().split("\\s+");
            for (int s = 0; s < parts.length - 1; s++) {
                String source = parts[s];
                copies++;
                assertThat(Path.of(source)).as("COPY source " + source).exists();
                assertThat(ignored).as(".dockerignore patterns excluding COPY source " + source)
                        .noneMatch(pattern -> excludes(pattern, source));
            }
        }
        assertThat(copies).isGreaterThanOrEqualTo(3);
        // The baked-in registry is the one providers.d ships, and it is where the image looks.
        assertThat(DOCKERFILE.all("COPY", DOCKERFILE.lastStage())).contains("providers.d " + DOCKERFILE.env().get("MAILAUTOCONF_PROVIDERS"));
    }

    /** Docker's rule: a pattern excludes a path it matches and everything below it. */
    private static boolean excludes(String pattern, String source) {
        var glob = FileSystems.getDefault().getPathMatcher("glob:" + pattern.replaceFirst("^/", ""));
        for (Path p = Path.of(source); p != null; p = p.getParent()) {
            if (glob.matches(p)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theImagesCommand_startsTheService_andItsHealthCheckPathAnswers(@TempDir Path work) throws IOException {
        List<String> entrypoint = Dockerfile.execForm(DOCKERFILE.last("ENTRYPOINT"));
        List<String> jvmFlags = entrypoint.subList(1, entrypoint.indexOf("-jar"));
        Map<String, String> env = new HashMap<>(DOCKERFILE.env());
        // What the test changes: a free loopback port, and the image's copy of providers.d is this one.
        env.put("MAILAUTOCONF_LISTEN", "127.0.0.1");
        env.put("MAILAUTOCONF_PORT", String.valueOf(ServeProcess.freePort()));
        env.put("MAILAUTOCONF_MANAGEMENT_LISTEN", "127.0.0.1:" + ServeProcess.freePort());
        env.put("MAILAUTOCONF_PROVIDERS", Registries.SHIPPED.toAbsolutePath().toString());
        // The HEALTHCHECK's command, run by this machine's bash as the image's bash runs it.
        String healthcheck = DOCKERFILE.last("HEALTHCHECK");
        List<String> check = Dockerfile.execForm(healthcheck.substring(healthcheck.indexOf("CMD ") + 4));
        assertThat(check.get(0)).isEqualTo("bash");
        assertThat(String.join(" ", check)).as("HEALTHCHECK asks the management port's /healthz")
                .contains("${MAILAUTOCONF_MANAGEMENT_LISTEN##*:}").contains("/healthz");
        // As on a read-only root file system: a temporary directory that cannot be made, even by
        // root (a path below a regular file), so the image's flags must do without one.
        Path notADirectory = Files.writeString(work.resolve("not-a-directory"), "");
        List<String> flags = new ArrayList<>(jvmFlags);
        flags.add("-Djava.io.tmpdir=" + notADirectory.resolve("tmp"));
        try (ServeProcess serve = ServeProcess.start(flags, env, work)) {
            assertThat(healthCheck(check, env.get("MAILAUTOCONF_MANAGEMENT_LISTEN"))).as("HEALTHCHECK on a healthy service").isZero();
            // Pointed at the public port, which answers /healthz 404, the check fails.
            assertThat(healthCheck(check, "0.0.0.0:" + env.get("MAILAUTOCONF_PORT"))).as("HEALTHCHECK against a 404").isNotZero();
            var ready = serve.management("/readyz");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).contains("\"providers\" : " + Registries.shipped().providers().size());
            // The published port answers clients only.
            assertThat(serve.get("/readyz").statusCode()).isEqualTo(404);
            assertThat(serve.get("/metrics").statusCode()).isEqualTo(404);
        }
    }

    private static int healthCheck(List<String> command, String managementListen) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("MAILAUTOCONF_MANAGEMENT_LISTEN", managementListen);
        Process p = pb.start();
        p.getInputStream().readAllBytes();
        try {
            if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("the HEALTHCHECK command did not end within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return p.exitValue();
    }

    @Test
    void baseImages_areBuildArguments_withOfficialDefaults_andCiNamesBoth() {
        Map<String, String> args = new HashMap<>();
        DOCKERFILE.instructions().stream().filter(i -> i.stage() < 0 && i.keyword().equals("ARG")).forEach(i -> {
            String[] kv = i.arguments().split("=", 2);
            args.put(kv[0], kv.length > 1 ? kv[1] : "");
        });
        List<String> froms = DOCKERFILE.instructions().stream().filter(i -> i.keyword().equals("FROM")).map(Dockerfile.Instruction::arguments).toList();
        assertThat(froms).hasSize(2);
        assertThat(froms.get(0)).isEqualTo("${BUILD_BASE} AS build");
        assertThat(froms.get(1)).isEqualTo("${RUNTIME_BASE}");
        // Pulled by name from a public registry when nothing else is given.
        assertThat(args.get("BUILD_BASE")).startsWith("maven:").contains("17");
        assertThat(args.get("RUNTIME_BASE")).startsWith("debian:");
        // CI swaps exactly these two (ContainerRunTest builds with them).
        Map<String, String> ci = DeployFiles.envFile(DeployFiles.read(Podman.BASES));
        assertThat(ci.get("CI_BUILD_BASE")).startsWith("localhost/");
        assertThat(ci.get("CI_RUNTIME_BASE")).startsWith("localhost/");
    }

    @Test
    void theRuntime_isJlinked_fromTheModulesTheJarUses_andTheImageRunsIt() {
        String jlink = DOCKERFILE.all("RUN", 0).stream().filter(r -> r.contains("jlink")).findFirst().orElseThrow();
        assertThat(jlink).contains("jdeps --print-module-deps").contains("--add-modules").contains("jdk.unsupported").contains("jdk.crypto.ec");
        String output = jlink.replaceAll("(?s).*--output\\s+(\\S+).*", "$1");
        assertThat(DOCKERFILE.all("COPY", DOCKERFILE.lastStage())).contains("--from=build " + output + " " + output);
        assertThat(DOCKERFILE.env().get("PATH")).startsWith(output + "/bin:");
        // The runtime's own base archive first: the application's archive is built on top of it.
        String cds = DOCKERFILE.all("RUN", DOCKERFILE.lastStage()).stream().filter(r -> r.contains("-XX:ArchiveClassesAtExit=")).findFirst().orElseThrow();
        assertThat(cds.indexOf("-Xshare:dump")).isNotNegative().isLessThan(cds.indexOf("-XX:ArchiveClassesAtExit="));
    }
}
