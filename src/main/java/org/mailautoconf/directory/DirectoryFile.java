package org.mailautoconf.directory;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads a directories file ({@code --directories FILE}, docs/directories.md). Passwords are never
 * in it: {@code passwordFile} names a file, {@code passwordEnv} an environment variable; a
 * {@code password} key is refused. Every mistake is an {@link IllegalArgumentException} naming
 * the file and field.
 */
public final class DirectoryFile {

    private static final Set<String> TOP = Set.of("timeoutMillis", "cacheSeconds", "lookupsPerMinute", "sources");
    private static final Set<String> LDAP = Set.of("type", "url", "startTls", "bindDn", "passwordFile", "passwordEnv",
            "baseDn", "filter", "domainFilter", "attributes", "caFile");
    private static final Set<String> SQL = Set.of("type", "url", "user", "passwordFile", "passwordEnv", "lookup",
            "domain", "poolSize");
    static final Set<String> VALUES = Set.of("login", "incomingLogin", "outgoingLogin", "activeSyncLogin",
            "displayName", "canonicalAddress");

    private final Path file;
    private final Function<String, String> env;

    private DirectoryFile(Path file, Function<String, String> env) {
        this.file = file;
        this.env = env;
    }

    public static DirectorySettings read(Path file) {
        return read(file, System::getenv);
    }

    public static DirectorySettings read(Path file, Function<String, String> env) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read (" + e.getClass().getSimpleName() + ")");
        }
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + ": not YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        return new DirectoryFile(file, env).settings(map(root, "", file));
    }

    /**
     * The files a directories file names beside itself (each source's {@code passwordFile} and
     * {@code caFile}), so that a watcher notices a new password as it notices an edit of the file;
     * empty for a file that does not read (reading it says why).
     */
    public static List<Path> namedFiles(Path file) {
        try {
            Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file, StandardCharsets.UTF_8));
            List<Path> named = new ArrayList<>();
            map(map(root, "", file).get("sources"), "sources", file).values().forEach(v -> {
                if (v instanceof Map<?, ?> source) {
                    for (String key : List.of("passwordFile", "caFile")) {
                        if (source.get(key) instanceof String name) {
                            named.add(file.resolveSibling(name));
                        }
                    }
                }
            });
            return List.copyOf(named);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private DirectorySettings settings(Map<String, Object> top) {
        keys(top, "", TOP);
        Duration timeout = Duration.ofMillis(number(top, "timeoutMillis", DirectorySettings.DEFAULT_TIMEOUT.toMillis(), 1, 60_000));
        Duration cache = Duration.ofSeconds(number(top, "cacheSeconds", DirectorySettings.DEFAULT_CACHE.toSeconds(), 0, 86_400));
        int perMinute = (int) number(top, "lookupsPerMinute", DirectorySettings.DEFAULT_LOOKUPS_PER_MINUTE, 1, 1_000_000);
        Map<String, SourceSettings> sources = new LinkedHashMap<>();
        map(top.getOrDefault("sources", Map.of()), "sources", file).forEach((name, value) -> {
            String at = "sources." + name;
            Map<String, Object> s = map(value, at, file);
            String type = text(s, at, "type", true);
            sources.put(name, switch (type) {
                case "ldap" -> ldap(name, s, at);
                case "sql" -> sql(name, s, at);
                default -> throw fail(at + ".type", "is ldap or sql, not '" + type + "'");
            });
        });
        return new DirectorySettings(timeout, cache, perMinute, sources);
    }

    private SourceSettings.Ldap ldap(String name, Map<String, Object> s, String at) {
        keys(s, at, LDAP);
        URI url;
        try {
            url = new URI(text(s, at, "url", true));
        } catch (java.net.URISyntaxException e) {
            throw fail(at + ".url", "is not a URL such as ldaps://ldap.example.org");
        }
        if (!"ldap".equals(url.getScheme()) && !"ldaps".equals(url.getScheme()) || url.getHost() == null) {
            throw fail(at + ".url", "is ldap://HOST[:PORT] or ldaps://HOST[:PORT]");
        }
        boolean startTls = Boolean.TRUE.equals(s.get("startTls"));
        if (startTls && url.getScheme().equals("ldaps")) {
            throw fail(at + ".startTls", "is for ldap:// URLs; ldaps:// is TLS already");
        }
        String filter = text(s, at, "filter", true);
        LdapFilterTemplate.check(filter, at + ".filter");
        Optional<String> domainFilter = Optional.ofNullable(text(s, at, "domainFilter", false));
        domainFilter.ifPresent(f -> LdapFilterTemplate.check(f, at + ".domainFilter"));
        Map<String, String> attributes = new LinkedHashMap<>();
        map(s.get("attributes"), at + ".attributes", file).forEach((k, v) -> {
            if (!VALUES.contains(k)) {
                throw fail(at + ".attributes." + k, "is none of " + String.join(", ", VALUES.stream().sorted().toList()));
            }
            attributes.put(k, String.valueOf(v));
        });
        Optional<String> bindDn = Optional.ofNullable(text(s, at, "bindDn", false));
        return new SourceSettings.Ldap(name, url, startTls, bindDn, secret(s, at), text(s, at, "baseDn", true), filter,
                domainFilter, attributes, Optional.ofNullable(text(s, at, "caFile", false)).map(p -> file.resolveSibling(p)));
    }

    private SourceSettings.Sql sql(String name, Map<String, Object> s, String at) {
        keys(s, at, SQL);
        String url = text(s, at, "url", true);
        if (!url.startsWith("jdbc:")) {
            throw fail(at + ".url", "is a JDBC URL such as jdbc:postgresql://db.example.org/postfix");
        }
        SqlTemplate lookup = sqlTemplate(text(s, at, "lookup", true), at + ".lookup");
        Optional<SqlTemplate> domain = Optional.ofNullable(text(s, at, "domain", false)).map(d -> sqlTemplate(d, at + ".domain"));
        int pool = (int) number(s, "poolSize", 2, 1, 16);
        return new SourceSettings.Sql(name, url, Optional.ofNullable(text(s, at, "user", false)), secret(s, at), lookup,
                domain, pool);
    }

    private SqlTemplate sqlTemplate(String sql, String at) {
        try {
            return SqlTemplate.parse(sql, at);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
    }

    private Optional<Secret> secret(Map<String, Object> s, String at) {
        String fromFile = text(s, at, "passwordFile", false);
        String fromEnv = text(s, at, "passwordEnv", false);
        if (fromFile != null && fromEnv != null) {
            throw fail(at, "has passwordFile and passwordEnv: choose one");
        }
        if (fromFile != null) {
            Path p = file.resolveSibling(fromFile);
            try {
                return Optional.of(new Secret(Files.readString(p, StandardCharsets.UTF_8).strip(), "file " + p));
            } catch (IOException e) {
                throw fail(at + ".passwordFile", "cannot be read: " + p);
            }
        }
        if (fromEnv != null) {
            String v = env.apply(fromEnv);
            if (v == null) {
                throw fail(at + ".passwordEnv", "names " + fromEnv + ", which is not set");
            }
            return Optional.of(new Secret(v, "environment " + fromEnv));
        }
        return Optional.empty();
    }

    private void keys(Map<String, Object> m, String at, Set<String> allowed) {
        for (String k : m.keySet()) {
            if (k.equals("password") || k.equals("bindPassword")) {
                throw fail(at.isEmpty() ? k : at + "." + k, "never in this file: use passwordFile or passwordEnv");
            }
            if (!allowed.contains(k)) {
                throw fail(at.isEmpty() ? k : at + "." + k, "is not a field here (known: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    private String text(Map<String, Object> m, String at, String key, boolean required) {
        Object v = m.get(key);
        if (v == null) {
            if (required) {
                throw fail(at + "." + key, "is missing");
            }
            return null;
        }
        if (v instanceof Map || v instanceof java.util.List) {
            throw fail(at + "." + key, "is text");
        }
        return String.valueOf(v);
    }

    private long number(Map<String, Object> m, String key, long fallback, long min, long max) {
        Object v = m.get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Integer || v instanceof Long) || ((Number) v).longValue() < min || ((Number) v).longValue() > max) {
            throw fail(key, "is a whole number from " + min + " to " + max);
        }
        return ((Number) v).longValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object v, String at, Path file) {
        if (v == null) {
            return Map.of();
        }
        if (!(v instanceof Map<?, ?> m) || m.keySet().stream().anyMatch(k -> !(k instanceof String))) {
            throw new IllegalArgumentException(file + ": " + (at.isEmpty() ? "the file" : at) + " is a mapping");
        }
        return (Map<String, Object>) m;
    }

    private IllegalArgumentException fail(String field, String what) {
        return new IllegalArgumentException(file + ": " + field + " " + what);
    }
}
