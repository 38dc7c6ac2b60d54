package org.mailautoconf.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Debian's podman, as this machine runs it: with runc (crun refuses this VM's hybrid cgroups) and
 * ulimits under the VM's hard limits. The image is built from deploy/container/Dockerfile with
 * the base images .ci/install-container made (named in .ci/container-bases).
 */
final class Podman {

    static final Path BASES = Path.of(".ci/container-bases");
    /** One tag per checkout, so that two checkouts tested at once never run each other's image. */
    static final String IMAGE = "localhost/mailautoconf-test:"
            + Integer.toHexString(Path.of("").toAbsolutePath().toString().hashCode());
    private static final List<String> RUNTIME = List.of("--runtime", "runc",
            "--ulimit", "nofile=4096:4096", "--ulimit", "nproc=4096:4096");

    private final Path podman;

    private Podman(Path podman) {
        this.podman = podman;
    }

    /** The installed podman, or the test is skipped (the only reason it may be). */
    static Podman require() {
        Optional<Path> podman = Tools.find("podman");
        assumeTrue(podman.isPresent(), "podman is not installed, so the image was not built or run: .ci/install-container installs it");
        return new Podman(podman.get());
    }

    /** Builds the image as a user would, with only the base images swapped for CI's own. */
    void buildImage() {
        Map<String, String> bases = DeployFiles.envFile(DeployFiles.read(BASES));
        for (String base : List.of(bases.get("CI_BUILD_BASE"), bases.get("CI_RUNTIME_BASE"))) {
            assertThat(run(Duration.ofSeconds(30), "image", "exists", base).exitCode())
                    .as("base image " + base + " (made by .ci/install-container; run it)").isZero();
        }
        List<String> build = new ArrayList<>(List.of("build", "--format", "docker", "--network", "host"));
        build.addAll(RUNTIME);
        build.addAll(List.of("--build-arg", "BUILD_BASE=" + bases.get("CI_BUILD_BASE"),
                "--build-arg", "RUNTIME_BASE=" + bases.get("CI_RUNTIME_BASE"),
                "-f", DeployFiles.DOCKERFILE.toString(), "-t", IMAGE, "."));
        Tools.Result r = run(Duration.ofMinutes(10), build);
        assertThat(r.exitCode()).as("podman build:\n" + tail(r.output())).isZero();
    }

    /** {@code podman run -d} with the machine's runtime settings; returns the container id. */
    String runDetached(List<String> options, List<String> command) {
        List<String> args = new ArrayList<>(List.of("run", "-d"));
        args.addAll(RUNTIME);
        args.addAll(options);
        args.add(IMAGE);
        args.addAll(command);
        Tools.Result r = run(Duration.ofSeconds(60), args);
        assertThat(r.exitCode()).as("podman run: " + r.output()).isZero();
        List<String> lines = r.output().strip().lines().toList();
        return lines.get(lines.size() - 1);
    }

    Tools.Result run(Duration timeout, String... args) {
        return run(timeout, List.of(args));
    }

    Tools.Result run(Duration timeout, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(podman.toString());
        command.addAll(args);
        return Tools.run(Path.of("."), timeout, command);
    }

    String logs(String container) {
        return run(Duration.ofSeconds(30), "logs", container).output();
    }

    void remove(String container) {
        run(Duration.ofSeconds(60), "rm", "-f", "-t", "0", container);
    }

    static String tail(String output) {
        List<String> lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
