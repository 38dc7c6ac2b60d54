package org.mailautoconf.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.mailautoconf.cli.Main;
import picocli.CommandLine;

/** The files under {@code deploy/}, read as the tools that use them would. */
final class DeployFiles {

    static final Path DEPLOY = Path.of("deploy");
    static final Path DOCKERFILE = DEPLOY.resolve("container/Dockerfile");
    static final Path KUBERNETES = DEPLOY.resolve("kubernetes");
    static final Path KUBERNETES_OVERLAY = DEPLOY.resolve("kubernetes-overlay");
    static final Path EXAMPLE_PROVIDERS = KUBERNETES.resolve("providers.d");
    static final Path SYSTEMD_UNIT = DEPLOY.resolve("systemd/mailautoconf.service");
    static final Path SYSTEMD_ENV = DEPLOY.resolve("systemd/mailautoconf.env");
    static final Path NGINX = DEPLOY.resolve("nginx/mailautoconf.conf");
    static final Path DNS = DEPLOY.resolve("dns");

    private static final Pattern ENV_DEFAULT = Pattern.compile("\\$\\{env:(MAILAUTOCONF_[A-Z0-9_]+)");

    private DeployFiles() {
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every document of every YAML file in {@code dir} (not below it), in file order. */
    static List<JsonNode> kubernetesObjects(Path dir) {
        List<JsonNode> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                out.addAll(yamlDocuments(read(f)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static List<JsonNode> yamlDocuments(String text) {
        try (MappingIterator<JsonNode> it = new YAMLMapper().readerFor(JsonNode.class).readValues(text)) {
            return it.readAll().stream().filter(n -> n != null && !n.isMissingNode() && !n.isNull()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode only(List<JsonNode> objects, String kind) {
        List<JsonNode> found = objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + kind + ", found " + found.size());
        }
        return found.get(0);
    }

    /** A container's {@code env} list as a map (literal values only). */
    static Map<String, String> env(JsonNode container) {
        Map<String, String> env = new LinkedHashMap<>();
        container.path("env").forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
        return env;
    }

    /**
     * {@code KEY=VALUE} lines as systemd's EnvironmentFile= reads them: {@code #} comments, blank
     * lines, optional double or single quotes around the value.
     */
    static Map<String, String> envFile(String text) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#") || l.startsWith(";")) {
                continue;
            }
            int eq = l.indexOf('=');
            if (eq < 1) {
                throw new AssertionError("not KEY=VALUE: " + line);
            }
            String value = l.substring(eq + 1).strip();
            if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
                value = value.substring(1, value.length() - 1);
            }
            env.put(l.substring(0, eq).strip(), value);
        }
        return env;
    }

    /** Every {@code MAILAUTOCONF_*} name written anywhere in {@code text}, comments included. */
    static Set<String> variablesNamed(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("MAILAUTOCONF_[A-Z0-9_]*[A-Z0-9]").matcher(text);
        while (m.find()) {
            names.add(m.group());
        }
        return names;
    }

    /**
     * The environment variables the command line reads, taken from picocli's model of the real
     * commands: each option's {@code defaultValue = "${env:NAME...}"} as written on its field.
     */
    static Set<String> variablesTheCommandsRead() {
        Set<String> names = new TreeSet<>();
        CommandLine root = new CommandLine(new Main());
        for (CommandLine command : root.getSubcommands().values()) {
            for (CommandLine.Model.OptionSpec option : command.getCommandSpec().options()) {
                if (option.userObject() instanceof Field field && field.getAnnotation(CommandLine.Option.class) != null) {
                    Matcher m = ENV_DEFAULT.matcher(field.getAnnotation(CommandLine.Option.class).defaultValue());
                    while (m.find()) {
                        names.add(m.group(1));
                    }
                }
            }
        }
        return names;
    }

    /** Every regular file under {@code deploy/}, sorted. */
    static List<Path> allDeployFiles() {
        try (Stream<Path> files = Files.walk(DEPLOY)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code server { ... }} blocks of an nginx file, outermost level only, comments removed. */
    static List<String> nginxServerBlocks(String conf) {
        String text = conf.lines().map(l -> l.replaceFirst("#.*", "")).collect(Collectors.joining("\n"));
        List<String> blocks = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^server\\s*\\{").matcher(text);
        while (m.find()) {
            int depth = 0;
            for (int i = m.end() - 1; i < text.length(); i++) {
                char c = text.charAt(i);
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                if (depth == 0) {
                    blocks.add(text.substring(m.start(), i + 1));
                    break;
                }
            }
        }
        return blocks;
    }

    /** The server_name list of the nginx server block that listens on 443 (the example's TLS one). */
    static List<String> nginxHttpsServerNames() {
        String https = nginxServerBlocks(read(NGINX)).stream().filter(b -> b.contains("listen 443 ssl;")).findFirst()
                .orElseThrow(() -> new AssertionError("no server listens on 443 in " + NGINX));
        Matcher m = Pattern.compile("server_name\\s+([^;]+);").matcher(https);
        if (!m.find()) {
            throw new AssertionError("no server_name in the https server");
        }
        return List.of(m.group(1).strip().split("\\s+"));
    }
}
