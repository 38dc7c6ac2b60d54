package org.mailautoconf.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailautoconf.HostPort;
import org.mailautoconf.registry.load.LoadResult;
import org.mailautoconf.registry.load.RegistryLoader;

/** deploy/kubernetes/ against the code, against itself, and against the running service. */
class KubernetesManifestsTest {

    private static final List<JsonNode> OBJECTS = DeployFiles.kubernetesObjects(DeployFiles.KUBERNETES);
    private static final JsonNode DEPLOYMENT = DeployFiles.only(OBJECTS, "Deployment");
    private static final JsonNode POD = DEPLOYMENT.at("/spec/template");
    private static final JsonNode CONTAINER = POD.at("/spec/containers/0");
    private static final Map<String, String> ENV = DeployFiles.env(CONTAINER);

    private static JsonNode containerPort(String name) {
        for (JsonNode p : CONTAINER.path("ports")) {
            if (name.equals(p.path("name").asText())) {
                return p;
            }
        }
        throw new AssertionError("the container has no port named " + name);
    }

    private static void assertSelects(JsonNode matchLabels, String what) {
        assertThat(matchLabels.size()).as(what + " selects by some label").isPositive();
        matchLabels.properties().forEach(e ->
                assertThat(POD.path("metadata").path("labels").path(e.getKey()).asText()).as(what + " label " + e.getKey()).isEqualTo(e.getValue().asText()));
    }

    @Test
    void container_listensOnAllInterfaces_onItsDeclaredPort() {
        assertThat(ENV).containsEntry("MAILAUTOCONF_LISTEN", "0.0.0.0");
        assertThat(containerPort("http").path("containerPort").asText()).isEqualTo(ENV.get("MAILAUTOCONF_PORT"));
    }

    @Test
    void probes_askTheDocumentedPaths_onTheManagementPort() {
        assertThat(CONTAINER.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/healthz");
        assertThat(CONTAINER.at("/startupProbe/httpGet/path").asText()).isEqualTo("/healthz");
        assertThat(CONTAINER.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/readyz");
        HostPort management = HostPort.parse(ENV.get("MAILAUTOCONF_MANAGEMENT_LISTEN"));
        assertThat(management.host()).as("the kubelet reaches the pod's own address").isEqualTo("0.0.0.0");
        for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
            JsonNode port = containerPort(CONTAINER.at("/" + probe + "/httpGet/port").asText());
            assertThat(port.path("containerPort").asInt()).as(probe + "'s port").isEqualTo(management.port());
        }
    }

    @Test
    void prometheus_scrapesTheManagementPort_andNoServiceOrIngressExposesIt() {
        HostPort management = HostPort.parse(ENV.get("MAILAUTOCONF_MANAGEMENT_LISTEN"));
        JsonNode annotations = POD.at("/metadata/annotations");
        assertThat(annotations.path("prometheus.io/scrape").asText()).isEqualTo("true");
        assertThat(annotations.path("prometheus.io/port").asText()).isEqualTo(String.valueOf(management.port()));
        assertThat(annotations.path("prometheus.io/path").asText()).isEqualTo("/metrics");
        String managementPortName = null;
        for (JsonNode p : CONTAINER.path("ports")) {
            if (p.path("containerPort").asInt() == management.port()) {
                managementPortName = p.path("name").asText();
            }
        }
        assertThat(managementPortName).isNotNull();
        JsonNode service = DeployFiles.only(OBJECTS, "Service");
        for (JsonNode port : service.at("/spec/ports")) {
            assertThat(port.path("targetPort").asText()).as("a Service port").isNotIn(managementPortName, String.valueOf(management.port()));
        }
    }

    @Test
    void serviceIngressAndBudget_reachThePods() {
        JsonNode service = DeployFiles.only(OBJECTS, "Service");
        assertSelects(service.at("/spec/selector"), "the Service");
        JsonNode servicePort = service.at("/spec/ports/0");
        containerPort(servicePort.path("targetPort").asText());

        JsonNode ingress = DeployFiles.only(OBJECTS, "Ingress");
        Set<String> ruleHosts = new TreeSet<>();
        for (JsonNode rule : ingress.at("/spec/rules")) {
            ruleHosts.add(rule.path("host").asText());
            for (JsonNode path : rule.at("/http/paths")) {
                assertThat(path.at("/backend/service/name").asText()).isEqualTo(service.at("/metadata/name").asText());
                assertThat(path.at("/backend/service/port/name").asText()).isEqualTo(servicePort.path("name").asText());
                assertThat(path.path("path").asText()).isEqualTo("/");
            }
        }
        Set<String> tlsHosts = new TreeSet<>();
        ingress.at("/spec/tls/0/hosts").forEach(h -> tlsHosts.add(h.asText()));
        assertThat(ingress.at("/spec/tls").size()).as("one certificate").isEqualTo(1);
        assertThat(tlsHosts).isEqualTo(ruleHosts).containsExactly("autoconfig.example.org", "autodiscover.example.org");
        assertThat(URI.create(ENV.get("MAILAUTOCONF_PUBLIC_URL")).getHost()).isIn(tlsHosts);

        JsonNode budget = DeployFiles.only(OBJECTS, "PodDisruptionBudget");
        assertSelects(budget.at("/spec/selector/matchLabels"), "the PodDisruptionBudget");
        assertThat(budget.at("/spec/maxUnavailable").asInt()).isPositive().isLessThan(DEPLOYMENT.at("/spec/replicas").asInt());
        assertSelects(DEPLOYMENT.at("/spec/selector/matchLabels"), "the Deployment");
    }

    /** The name of the ConfigMap the Deployment mounts. */
    private static String mountedConfigMap(JsonNode pod) {
        List<String> names = new ArrayList<>();
        pod.at("/spec/volumes").forEach(v -> {
            if (v.has("configMap")) {
                names.add(v.at("/configMap/name").asText());
            }
        });
        assertThat(names).hasSize(1);
        return names.get(0);
    }

    /** The documented command that makes the registry's ConfigMap from a directory: its name and directory. */
    private static Matcher configMapCommand() {
        Matcher m = Pattern.compile("kubectl create configmap (\\S+) --from-file=(\\S+)/ ").matcher(DeployFiles.read(DeployFiles.KUBERNETES.resolve("kustomization.yaml")));
        assertThat(m.find()).as("kustomization.yaml says how the ConfigMap is made").isTrue();
        return m;
    }

    @Test
    void registry_isTheConfigMap_mountedWholeWhereTheServiceReadsIt() {
        String configMap = mountedConfigMap(POD);
        assertThat(configMapCommand().group(1)).isEqualTo(configMap);
        String volume = null;
        for (JsonNode v : POD.at("/spec/volumes")) {
            if (configMap.equals(v.at("/configMap/name").asText())) {
                volume = v.path("name").asText();
            }
        }
        assertThat(volume).as("a volume of ConfigMap " + configMap).isNotNull();
        JsonNode mount = null;
        for (JsonNode m : CONTAINER.path("volumeMounts")) {
            if (volume.equals(m.path("name").asText())) {
                mount = m;
            }
        }
        assertThat(mount).isNotNull();
        assertThat(mount.path("mountPath").asText()).isEqualTo(ENV.get("MAILAUTOCONF_PROVIDERS"));
        assertThat(mount.has("subPath")).as("a subPath mount never sees ConfigMap updates").isFalse();
        assertThat(mount.path("readOnly").asBoolean()).isTrue();
    }

    @Test
    void theConfigMap_isMadeFromTheWholeDirectory_oneKeyPerFile_noneListedByHand() throws IOException {
        Path kubectl = Tools.require("kubectl", "kubectl ships in the java-maven machine image (not in Debian)");
        Matcher command = configMapCommand();
        Path dir = Path.of(command.group(2));
        assertThat(dir).isEqualTo(DeployFiles.EXAMPLE_PROVIDERS);
        // Listed nowhere: the kustomization generates no ConfigMap of its own.
        JsonNode kustomization = DeployFiles.yamlDocuments(DeployFiles.read(DeployFiles.KUBERNETES.resolve("kustomization.yaml"))).get(0);
        assertThat(kustomization.has("configMapGenerator")).isFalse();
        Tools.Result made = Tools.run(Path.of("."), kubectl.toString(), "create", "configmap", command.group(1), "--from-file=" + dir + "/",
                "--dry-run=client", "-o", "yaml");
        assertThat(made.exitCode()).as(made.output()).isZero();
        JsonNode configMap = DeployFiles.only(DeployFiles.yamlDocuments(made.output()), "ConfigMap");
        Set<String> present = new TreeSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                present.add(f.getFileName().toString());
                assertThat(configMap.at("/data/" + f.getFileName()).asText()).isEqualTo(DeployFiles.read(f));
            }
        }
        Set<String> keys = new TreeSet<>();
        configMap.path("data").fieldNames().forEachRemaining(keys::add);
        assertThat(keys).isEqualTo(present).isNotEmpty();
    }

    @Test
    void container_runsLockedDown_asTheImagesUser() {
        assertThat(POD.at("/spec/securityContext/runAsNonRoot").asBoolean()).isTrue();
        String[] user = Dockerfile.parse(DeployFiles.read(DeployFiles.DOCKERFILE)).last("USER").split(":");
        assertThat(POD.at("/spec/securityContext/runAsUser").asText()).isEqualTo(user[0]);
        assertThat(POD.at("/spec/securityContext/runAsGroup").asText()).isEqualTo(user[1]);
        assertThat(CONTAINER.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(CONTAINER.at("/securityContext/allowPrivilegeEscalation").asBoolean(true)).isFalse();
        assertThat(CONTAINER.at("/resources/limits/memory").asText()).isNotEmpty();
    }

    @Test
    void thePod_namesWhatTheImageUses_portsPathsEnvironmentAndJvmSettings() {
        Dockerfile image = Dockerfile.parse(DeployFiles.read(DeployFiles.DOCKERFILE));
        Map<String, String> imageEnv = image.env();
        // Every variable both set has the image's value: the pod repeats them for the reader, never changes them.
        for (String name : ENV.keySet()) {
            if (imageEnv.containsKey(name)) {
                assertThat(ENV.get(name)).as(name + " in the pod and in the image").isEqualTo(imageEnv.get(name));
            }
        }
        // The container ports are the ones the image exposes.
        List<String> exposed = List.of(image.last("EXPOSE").split("\\s+"));
        for (JsonNode p : CONTAINER.path("ports")) {
            assertThat(exposed).as("port " + p.path("name").asText()).contains(p.path("containerPort").asText());
        }
        // The JVM settings are the image's entrypoint's: no command, no JVM options in the pod's environment.
        assertThat(CONTAINER.has("command") || CONTAINER.has("args")).isFalse();
        assertThat(ENV).doesNotContainKeys("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "JAVA_OPTS");
        // What the manifest's comment says of the heap is the image's flag.
        List<String> entrypoint = Dockerfile.execForm(image.last("ENTRYPOINT"));
        Matcher percent = Pattern.compile("heap is[\\s#]*(\\d+) % of the limit").matcher(DeployFiles.read(DeployFiles.KUBERNETES.resolve("deployment.yaml")));
        assertThat(percent.find()).isTrue();
        assertThat(entrypoint).contains("-XX:MaxRAMPercentage=" + percent.group(1), "-XX:InitialRAMPercentage=" + percent.group(1));
        // The pod's writable mounts are where the JVM writes (its temporary directory), on a read-only root.
        List<String> emptyDirs = new ArrayList<>();
        for (JsonNode m : CONTAINER.path("volumeMounts")) {
            for (JsonNode v : POD.at("/spec/volumes")) {
                if (v.path("name").asText().equals(m.path("name").asText()) && v.has("emptyDir")) {
                    emptyDirs.add(m.path("mountPath").asText());
                }
            }
        }
        assertThat(emptyDirs).containsExactly("/tmp");
        assertThat(entrypoint).noneMatch(f -> f.startsWith("-Djava.io.tmpdir="));
    }

    @Test
    void exampleRegistry_loadsWithoutWarnings() {
        LoadResult result = new RegistryLoader().load(DeployFiles.EXAMPLE_PROVIDERS, Optional.empty());
        assertThat(result.problems()).isEmpty();
        assertThat(result.registry()).isPresent();
    }

    @Test
    void container_asThePodRunsIt_answersItsProbes_andNamesItsPublicUrl(@TempDir Path work) throws IOException {
        Dockerfile image = Dockerfile.parse(DeployFiles.read(DeployFiles.DOCKERFILE));
        List<String> entrypoint = Dockerfile.execForm(image.last("ENTRYPOINT"));
        assertThat(CONTAINER.has("command")).as("the pod runs the image's entrypoint").isFalse();
        assertThat(CONTAINER.has("args")).as("the pod runs the image's command").isFalse();
        // The container's environment: the image's, then the pod's on top.
        Map<String, String> env = new HashMap<>(image.env());
        env.putAll(ENV);
        // What the test changes: a free loopback port, and the ConfigMap's files from their source.
        env.put("MAILAUTOCONF_LISTEN", "127.0.0.1");
        env.put("MAILAUTOCONF_PORT", String.valueOf(ServeProcess.freePort()));
        env.put("MAILAUTOCONF_MANAGEMENT_LISTEN", "127.0.0.1:" + ServeProcess.freePort());
        env.put("MAILAUTOCONF_PROVIDERS", DeployFiles.EXAMPLE_PROVIDERS.toAbsolutePath().toString());
        try (ServeProcess serve = ServeProcess.start(new ArrayList<>(entrypoint.subList(1, entrypoint.indexOf("-jar"))), env, work)) {
            for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
                String path = CONTAINER.at("/" + probe + "/httpGet/path").asText();
                assertThat(serve.management(path).statusCode()).as(probe + " " + path).isEqualTo(200);
                assertThat(serve.get(path).statusCode()).as(path + " on the port the Service reaches").isEqualTo(404);
            }
            String scrape = POD.at("/metadata/annotations").path("prometheus.io/path").asText();
            assertThat(serve.management(scrape).body()).contains("mailautoconf_requests_total");
            assertThat(serve.management("/readyz").body()).contains("\"providers\" : 1");
            var json = serve.get("/autodiscover/autodiscover.json?Email=mario@example.com&Protocol=AutodiscoverV1");
            assertThat(json.statusCode()).isEqualTo(200);
            assertThat(json.body()).contains(ENV.get("MAILAUTOCONF_PUBLIC_URL") + "/autodiscover/autodiscover.xml");
        }
    }

    /** The objects {@code kubectl kustomize dir} makes (the test is skipped without kubectl). */
    private static List<JsonNode> kustomize(Path dir) {
        Path kubectl = Tools.require("kubectl", "kubectl ships in the java-maven machine image (not in Debian)");
        Tools.Result built = Tools.run(Path.of("."), kubectl.toString(), "kustomize", dir.toString());
        assertThat(built.exitCode()).as(built.output()).isZero();
        return DeployFiles.yamlDocuments(built.output());
    }

    @Test
    void kustomize_buildsTheObjects() {
        List<JsonNode> objects = kustomize(DeployFiles.KUBERNETES);
        assertThat(objects).extracting(o -> o.path("kind").asText())
                .containsExactlyInAnyOrder("Service", "Deployment", "PodDisruptionBudget", "Ingress");
        assertThat(objects).allSatisfy(o -> assertThat(o.at("/metadata/labels/app.kubernetes.io~1part-of").asText()).isEqualTo("mailautoconf"));
    }

    @Test
    void theOverlay_changesWhatAdminsChange_andKeepsTheRest() {
        List<JsonNode> objects = kustomize(DeployFiles.KUBERNETES_OVERLAY);
        JsonNode deployment = DeployFiles.only(objects, "Deployment");
        JsonNode container = deployment.at("/spec/template/spec/containers/0");
        Map<String, String> env = DeployFiles.env(container);
        // Changed: replicas, image, public URL, TLS names with a cert-manager issuer, resources.
        assertThat(deployment.at("/spec/replicas").asInt()).isNotEqualTo(DEPLOYMENT.at("/spec/replicas").asInt());
        assertThat(container.path("image").asText()).isNotEqualTo(CONTAINER.path("image").asText());
        assertThat(env.get("MAILAUTOCONF_PUBLIC_URL")).isNotEqualTo(ENV.get("MAILAUTOCONF_PUBLIC_URL"));
        assertThat(container.at("/resources/limits/memory").asText()).isNotEqualTo(CONTAINER.at("/resources/limits/memory").asText());
        JsonNode ingress = DeployFiles.only(objects, "Ingress");
        assertThat(ingress.at("/metadata/annotations/cert-manager.io~1cluster-issuer").asText()).isNotEmpty();
        Set<String> tlsHosts = new TreeSet<>();
        ingress.at("/spec/tls/0/hosts").forEach(h -> tlsHosts.add(h.asText()));
        Set<String> ruleHosts = new TreeSet<>();
        ingress.at("/spec/rules").forEach(r -> ruleHosts.add(r.path("host").asText()));
        assertThat(ruleHosts).isEqualTo(tlsHosts);
        assertThat(URI.create(env.get("MAILAUTOCONF_PUBLIC_URL")).getHost()).isIn(tlsHosts);
        // Kept: every other variable, the probes, the user and lock-down, the mounts, the budget's sense.
        Map<String, String> rest = new HashMap<>(env);
        rest.keySet().removeIf(k -> !ENV.containsKey(k) || k.equals("MAILAUTOCONF_PUBLIC_URL"));
        Map<String, String> baseRest = new HashMap<>(ENV);
        baseRest.remove("MAILAUTOCONF_PUBLIC_URL");
        assertThat(rest).isEqualTo(baseRest);
        for (String kept : List.of("/livenessProbe", "/readinessProbe", "/startupProbe", "/securityContext", "/volumeMounts", "/ports", "/lifecycle")) {
            assertThat(container.at(kept)).as(kept).isEqualTo(CONTAINER.at(kept));
        }
        assertThat(deployment.at("/spec/template/spec/securityContext")).isEqualTo(POD.at("/spec/securityContext"));
        assertThat(mountedConfigMap(deployment.at("/spec/template"))).isEqualTo(mountedConfigMap(POD));
        assertThat(DeployFiles.only(objects, "PodDisruptionBudget").at("/spec/maxUnavailable").asInt()).isLessThan(deployment.at("/spec/replicas").asInt());
    }
}
