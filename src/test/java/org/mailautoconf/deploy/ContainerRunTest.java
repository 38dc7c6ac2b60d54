package org.mailautoconf.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailautoconf.HostPort;
import org.mailautoconf.testing.ConfigMapVolume;
import org.mailautoconf.testing.Registries;
import org.mailautoconf.testing.Requests;

/**
 * The image itself, built from deploy/container/Dockerfile by podman and run the way
 * deploy/kubernetes runs it: the pod's user, a read-only root file system with the pod's
 * emptyDir mounts, no capabilities, the pod's memory limit and environment, and a provider
 * directory mounted read-only. Ports are published on 127.0.0.1 only.
 */
class ContainerRunTest {

    private static final List<JsonNode> OBJECTS = DeployFiles.kubernetesObjects(DeployFiles.KUBERNETES);
    private static final JsonNode POD = DeployFiles.only(OBJECTS, "Deployment").at("/spec/template");
    private static final JsonNode CONTAINER = POD.at("/spec/containers/0");
    private static final Map<String, String> POD_ENV = DeployFiles.env(CONTAINER);
    private static final Duration START = Duration.ofSeconds(60);

    private static Podman podman;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void buildTheImage() {
        podman = Podman.require();
        podman.buildImage();
    }

    /** A container started as the pod starts it, with {@code providers} mounted where the pod mounts its ConfigMap. */
    private final class Pod implements AutoCloseable {
        final String id;
        final int publicPort = ServeProcess.freePort();
        final int managementPort = ServeProcess.freePort();
        final Duration startedIn;

        Pod(Path providers, Map<String, String> extraEnv) {
            List<String> options = new ArrayList<>();
            options.addAll(List.of("--user", POD.at("/spec/securityContext/runAsUser").asText() + ":" + POD.at("/spec/securityContext/runAsGroup").asText()));
            if (CONTAINER.at("/securityContext/readOnlyRootFilesystem").asBoolean()) {
                // Only the pod's own writable mounts, not podman's default tmpfs set.
                options.addAll(List.of("--read-only", "--read-only-tmpfs=false"));
            }
            if (!CONTAINER.at("/securityContext/allowPrivilegeEscalation").asBoolean(true)) {
                options.addAll(List.of("--security-opt", "no-new-privileges"));
            }
            CONTAINER.at("/securityContext/capabilities/drop").forEach(c -> options.addAll(List.of("--cap-drop", c.asText())));
            options.addAll(List.of("--memory", CONTAINER.at("/resources/limits/memory").asText().replace("Mi", "m").replace("Gi", "g")));
            for (JsonNode mount : CONTAINER.path("volumeMounts")) {
                JsonNode volume = volume(mount.path("name").asText());
                if (volume.has("emptyDir")) {
                    options.addAll(List.of("--tmpfs", mount.path("mountPath").asText()));
                } else if (volume.has("configMap")) {
                    options.addAll(List.of("-v", providers.toAbsolutePath() + ":" + mount.path("mountPath").asText() + ":ro"));
                }
            }
            Map<String, String> env = new LinkedHashMap<>(POD_ENV);
            env.putAll(extraEnv);
            env.forEach((k, v) -> options.addAll(List.of("-e", k + "=" + v)));
            options.addAll(List.of("-p", "127.0.0.1:" + publicPort + ":" + containerPort("http"),
                    "-p", "127.0.0.1:" + managementPort + ":" + containerPort("management")));
            long started = System.nanoTime();
            id = podman.runDetached(options, List.of());
            try {
                await(START, "/readyz 200 on the management port", () -> status(managementPort, "/readyz") == 200);
            } catch (AssertionError e) {
                String logs = podman.logs(id);
                close();
                throw new AssertionError(e.getMessage() + "\ncontainer log:\n" + logs, e);
            }
            startedIn = Duration.ofNanos(System.nanoTime() - started);
        }

        HttpResponse<String> get(int port, String path) {
            return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(5)).build());
        }

        Tools.Result exec(String... command) {
            List<String> args = new ArrayList<>(List.of("exec", id));
            args.addAll(List.of(command));
            return podman.run(Duration.ofSeconds(30), args);
        }

        @Override
        public void close() {
            podman.remove(id);
        }
    }

    private static JsonNode volume(String name) {
        for (JsonNode v : POD.at("/spec/volumes")) {
            if (name.equals(v.path("name").asText())) {
                return v;
            }
        }
        throw new AssertionError("no volume " + name);
    }

    private static int containerPort(String name) {
        for (JsonNode p : CONTAINER.path("ports")) {
            if (name.equals(p.path("name").asText())) {
                return p.path("containerPort").asInt();
            }
        }
        throw new AssertionError("the container has no port named " + name);
    }

    /** A copy of the shipped providers.d that the container's user (not this test's) can read. */
    private static Path shippedCopy(Path dir) throws IOException {
        Path providers = Files.createDirectory(dir.resolve("providers.d"));
        readable(dir);
        readable(providers);
        for (var f : shippedFiles().entrySet()) {
            Files.writeString(providers.resolve(f.getKey()), f.getValue());
        }
        return providers;
    }

    private static Path readable(Path dir) throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir;
    }

    private static Map<String, String> shippedFiles() throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (Stream<Path> list = Files.list(Registries.SHIPPED)) {
            for (Path f : list.sorted().toList()) {
                files.put(f.getFileName().toString(), Files.readString(f));
            }
        }
        return files;
    }

    @Test
    void asThePodRunsIt_answersClients_onThePublicPort_andItsProbes_onTheManagementPort(@TempDir Path dir) throws IOException {
        try (Pod pod = new Pod(shippedCopy(dir), Map.of())) {
            // Thunderbird: autoconfig for a shipped domain.
            var autoconfig = pod.get(pod.publicPort, "/mail/config-v1.1.xml?emailaddress=nome.cognome%40polito.it");
            assertThat(autoconfig.statusCode()).isEqualTo(200);
            assertThat(autoconfig.body()).contains("<emailProvider id=\"polito.it\">").contains("mail.polito.it");
            // Outlook: an Autodiscover POST.
            String pox = Requests.outlook("nome.cognome@polito.it");
            var autodiscover = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + pod.publicPort + "/autodiscover/autodiscover.xml"))
                    .header("Content-Type", "text/xml").POST(HttpRequest.BodyPublishers.ofString(pox)).timeout(Duration.ofSeconds(5)).build());
            assertThat(autodiscover.statusCode()).isEqualTo(200);
            assertThat(autodiscover.body()).contains("<Server>mail.polito.it</Server>");
            // Apple: a configuration profile.
            var profile = pod.get(pod.publicPort, "/mobileconfig/nome.cognome%40polito.it");
            assertThat(profile.statusCode()).isEqualTo(200);
            assertThat(profile.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/x-apple-aspen-config"));
            assertThat(profile.body()).contains("mail.polito.it");

            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                JsonNode get = CONTAINER.at("/" + probe + "/httpGet");
                int port = containerPort(get.path("port").asText());
                assertThat(port).as(probe + " asks the management port").isEqualTo(containerPort("management"));
                long asked = System.nanoTime();
                var r = pod.get(pod.managementPort, get.path("path").asText());
                assertThat(r.statusCode()).as(probe + " " + get.path("path").asText()).isEqualTo(200);
                int timeout = CONTAINER.at("/" + probe + "/timeoutSeconds").asInt(1);
                assertThat(Duration.ofNanos(System.nanoTime() - asked)).as(probe + " within its timeoutSeconds").isLessThan(Duration.ofSeconds(timeout));
                assertThat(pod.get(pod.publicPort, get.path("path").asText()).statusCode()).as(get.path("path") + " on the public port").isEqualTo(404);
            }
            assertThat(pod.get(pod.managementPort, "/readyz").body()).contains("\"providers\" : " + Registries.shipped().providers().size());
            String scrape = POD.at("/metadata/annotations").path("prometheus.io/path").asText();
            assertThat(POD.at("/metadata/annotations").path("prometheus.io/port").asInt()).isEqualTo(containerPort("management"));
            assertThat(pod.get(pod.managementPort, scrape).body()).contains("mailautoconf_requests_total");
            // Ready well within what the startup probe allows.
            JsonNode startup = CONTAINER.at("/startupProbe");
            assertThat(pod.startedIn).isLessThan(Duration.ofSeconds((long) startup.path("periodSeconds").asInt() * startup.path("failureThreshold").asInt()));

            // The image's HEALTHCHECK (Docker, Podman) passes inside the container.
            var health = podman.run(Duration.ofSeconds(30), "healthcheck", "run", pod.id);
            assertThat(health.exitCode()).as("podman healthcheck run: " + health.output()).isZero();

            // It runs as the pod's user, and cannot write its root file system.
            assertThat(pod.exec("id", "-u").output().strip()).isEqualTo(POD.at("/spec/securityContext/runAsUser").asText());
            assertThat(pod.exec("touch", "/opt/mailautoconf/x").exitCode()).as("a write to the read-only root").isNotZero();
        }
    }

    @Test
    void theJvm_runsAsTheBenchMeasuredIt_andMapsTheClassDataArchives(@TempDir Path dir) throws IOException {
        try (Pod pod = new Pod(shippedCopy(dir), Map.of("JAVA_TOOL_OPTIONS",
                "-Xlog:class+load=info:file=/tmp/class-load.log -Xlog:gc=info,gc+init=info:file=/tmp/gc.log"))) {
            // Classes of the registry load come from the archive the image made (its "top" layer)
            // rather than from the jar.
            String classes = pod.exec("cat", "/tmp/class-load.log").output();
            assertThat(classes).containsPattern("org\\.mailautoconf\\.registry\\.load\\.\\S+ source: shared objects file \\(top\\)");
            // And the JDK's classes from the runtime's own base archive.
            assertThat(classes).contains("java.lang.Object source: shared objects file");
            // bench/run's collector, and the heap sized once at the image's share of the pod's memory limit.
            String gc = pod.exec("cat", "/tmp/gc.log").output();
            assertThat(gc).contains("Using Parallel");
            long limitMb = Long.parseLong(CONTAINER.at("/resources/limits/memory").asText().replace("Mi", ""));
            assertThat(gc).contains("Memory: " + limitMb + "M");
            List<String> entrypoint = Dockerfile.execForm(Dockerfile.parse(DeployFiles.read(DeployFiles.DOCKERFILE)).last("ENTRYPOINT"));
            long percent = entrypoint.stream().filter(f -> f.startsWith("-XX:MaxRAMPercentage=")).mapToLong(f -> Long.parseLong(f.substring(f.indexOf('=') + 1)))
                    .findFirst().orElseThrow();
            assertThat(gc).contains("Heap Initial Capacity: " + limitMb * percent / 100 + "M").contains("Heap Max Capacity: " + limitMb * percent / 100 + "M");
        }
    }

    @Test
    void aConfigMapEdit_isServedWithoutARestart_andSigtermStopsItWithinTheGracePeriod(@TempDir Path dir) throws IOException {
        ConfigMapVolume volume = new ConfigMapVolume(readable(dir));
        Map<String, String> files = shippedFiles();
        volume.publish(files);
        try (Pod pod = new Pod(dir, Map.of())) {
            assertThat(pod.get(pod.publicPort, "/v1.1/polito.it").body()).contains("mail.polito.it");
            Map<String, String> edited = new LinkedHashMap<>(files);
            edited.put("polito.yaml", files.get("polito.yaml").replace("mail.polito.it", "imap.polito.it"));
            volume.publish(edited);
            await(Duration.ofSeconds(30), "the edited provider served",
                    () -> pod.get(pod.publicPort, "/v1.1/polito.it").body().contains("imap.polito.it"));

            // The kubelet runs preStop, then sends SIGTERM, and kills what still runs when the
            // grace period (from the pod's deletion) ends.
            long grace = POD.at("/spec/terminationGracePeriodSeconds").asLong(30);
            List<String> preStop = new ArrayList<>();
            CONTAINER.at("/lifecycle/preStop/exec/command").forEach(c -> preStop.add(c.asText()));
            assertThat(preStop.get(0)).isEqualTo("sleep");
            long preStopSeconds = Long.parseLong(preStop.get(1));
            assertThat(pod.exec(preStop.toArray(String[]::new)).exitCode()).as("the preStop command runs in the image").isZero();
            long signalled = System.nanoTime();
            assertThat(podman.run(Duration.ofSeconds(30), "kill", "--signal", "TERM", pod.id).exitCode()).isZero();
            var waited = podman.run(Duration.ofSeconds(grace), "wait", pod.id);
            Duration stop = Duration.ofNanos(System.nanoTime() - signalled);
            assertThat(waited.output().strip()).as("exit status after SIGTERM (128 + 15: the shutdown hook ran)").isEqualTo("143");
            assertThat(stop.plusSeconds(preStopSeconds)).as("preStop and the stop within terminationGracePeriodSeconds").isLessThan(Duration.ofSeconds(grace));
        }
    }

    private int status(int port, String path) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void await(Duration limit, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("not within " + limit + ": " + what);
    }
}
