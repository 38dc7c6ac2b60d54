package org.mailautoconf.registry.load;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.mailautoconf.registry.CaCertificate;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.Provider;
import org.mailautoconf.registry.Registry;

/**
 * Reads a {@code providers.d/} directory into a {@link Registry}: every {@code *.yaml} file in it
 * (not below it), applying {@code extends}, checking every field, every domain claim and what
 * clients accept. Blocking file I/O: never call it on an event loop.
 */
public final class RegistryLoader {

    private static final String ID_PATTERN = "[a-z0-9]([a-z0-9.-]*[a-z0-9])?";

    private record SourceFile(String name, Path path, YamlNode.Mapping root, String id, YamlNode.Entry extendsEntry, boolean profile) {}

    public LoadResult load(Path dir, Optional<String> defaultProviderId) {
        Set<Problem> problems = new LinkedHashSet<>();
        List<Problem> sink = new ArrayList<>();
        MessageDigest digest = sha256();
        List<SourceFile> files = readAll(dir, sink, digest);
        problems.addAll(sink);
        sink.clear();

        Map<String, SourceFile> byId = new LinkedHashMap<>();
        for (SourceFile f : files) {
            SourceFile before = byId.putIfAbsent(f.id, f);
            if (before != null) {
                Location at = f.root.entry("id").map(e -> e.value().location()).orElse(f.root.location());
                sink.add(Problem.error(at, "id", "duplicate-id", "the id '" + f.id + "' is already used by " + before.name));
            }
        }

        List<Provider> providers = new ArrayList<>();
        Map<String, String> claims = new HashMap<>();
        for (SourceFile f : byId.values()) {
            YamlNode.Mapping tree = resolve(f, byId, sink);
            if (tree == null) {
                continue;
            }
            NodeReader reader = new NodeReader(sink, !f.profile);
            Provider p = new ProviderBinder(reader).bind(tree, f.path);
            if (!f.profile) {
                checkClaims(f, claims, sink);
            }
            if (p != null) {
                new ClientCompatibility(reader).check(p, tree);
                p.caCertificate().flatMap(CaCertificate::certificate).ifPresent(c -> digestCertificate(digest, c));
                providers.add(p);
            }
        }
        problems.addAll(sink);

        Optional<Provider> defaultProvider = Optional.empty();
        if (defaultProviderId.isPresent()) {
            defaultProvider = providers.stream().filter(p -> p.id().equals(defaultProviderId.get())).findFirst();
            if (defaultProvider.isEmpty()) {
                problems.add(Problem.error(new Location(dir.toString(), 1, 1), "", "unknown-default-provider",
                        "the default provider '" + defaultProviderId.get() + "' is not a provider in " + dir
                                + " (it must be a provider file's id, not a profile's)"));
            }
        }
        List<Problem> all = List.copyOf(problems);
        if (all.stream().anyMatch(Problem::isError)) {
            return new LoadResult(Optional.empty(), all);
        }
        String version = HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        return new LoadResult(Optional.of(new Registry(providers, defaultProvider, version)), all);
    }

    private List<SourceFile> readAll(Path dir, List<Problem> problems, MessageDigest digest) {
        List<Path> paths;
        try (Stream<Path> s = Files.list(dir)) {
            paths = s.filter(p -> {
                String n = p.getFileName().toString();
                return !n.startsWith(".") && (n.endsWith(".yaml") || n.endsWith(".yml")) && Files.isRegularFile(p);
            }).sorted().toList();
        } catch (IOException e) {
            problems.add(Problem.error(new Location(dir.toString(), 1, 1), "", "unreadable",
                    "cannot read the provider directory: " + e));
            return List.of();
        }
        YamlReader yaml = new YamlReader();
        List<SourceFile> out = new ArrayList<>();
        for (Path path : paths) {
            String name = path.toString();
            byte[] bytes;
            String text;
            try {
                bytes = Files.readAllBytes(path);
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                problems.add(Problem.error(new Location(name, 1, 1), "", "not-utf8", "the file is not UTF-8 text"));
                continue;
            } catch (IOException e) {
                problems.add(Problem.error(new Location(name, 1, 1), "", "unreadable", "cannot read the file: " + e));
                continue;
            }
            digest.update(path.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(bytes);
            YamlNode root = yaml.read(name, text, problems);
            if (root == null) {
                continue;
            }
            if (!(root instanceof YamlNode.Mapping mapping)) {
                problems.add(Problem.error(root.location(), "", "wrong-type",
                        "a provider file is a map of fields (id:, name:, domains:, ...), not " + root.describe()));
                continue;
            }
            NodeReader reader = new NodeReader(problems, true);
            String id = reader.require(fieldsOf(mapping), "id", mapping.location(), "", "a short name for this file, such as polito")
                    ? reader.text(mapping.entry("id").orElseThrow(), "id") : null;
            if (id == null) {
                continue;
            }
            if (!id.matches(ID_PATTERN)) {
                problems.add(Problem.error(mapping.entry("id").orElseThrow().value().location(), "id", "bad-id",
                        "an id has lower-case letters, digits, '-' and '.', such as tim-pec; was '" + id + "'"));
                continue;
            }
            Boolean profile = mapping.entry("profile").map(e -> reader.bool(e, "profile")).orElse(false);
            out.add(new SourceFile(name, path, mapping, id, mapping.entry("extends").orElse(null), Boolean.TRUE.equals(profile)));
        }
        return out;
    }

    private static Map<String, YamlNode.Entry> fieldsOf(YamlNode.Mapping m) {
        Map<String, YamlNode.Entry> out = new LinkedHashMap<>();
        m.entries().forEach(e -> out.put(e.key(), e));
        return out;
    }

    /** The file's tree with every ancestor merged in, or null when the chain is broken. */
    private YamlNode.Mapping resolve(SourceFile f, Map<String, SourceFile> byId, List<Problem> problems) {
        List<SourceFile> chain = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        SourceFile current = f;
        while (current != null) {
            if (seen.contains(current.id)) {
                seen.add(current.id);
                problems.add(Problem.error(f.extendsEntry.value().location(), "extends", "extends-loop",
                        "extends goes round in a loop: " + String.join(" → ", seen)));
                return null;
            }
            seen.add(current.id);
            chain.add(0, current);
            if (current.extendsEntry == null) {
                break;
            }
            String parentId = NodeReader.scalarText(current.extendsEntry.value());
            SourceFile parent = parentId == null ? null : byId.get(parentId);
            if (parent == null) {
                problems.add(Problem.error(current.extendsEntry.value().location(), "extends", "unknown-extends",
                        "extends '" + parentId + "', but no file in this directory has that id"
                                + NodeReader.suggestion(String.valueOf(parentId), byId.keySet()).map(s -> "; did you mean '" + s + "'?").orElse("")));
                return null;
            }
            current = parent;
        }
        YamlNode.Mapping tree = chain.get(0).root;
        for (int i = 1; i < chain.size(); i++) {
            tree = Inheritance.merge(tree, chain.get(i).root);
        }
        return tree;
    }

    private void checkClaims(SourceFile f, Map<String, String> claims, List<Problem> problems) {
        Optional<YamlNode.Entry> domains = f.root.entry("domains");
        if (domains.isEmpty() || !(domains.get().value() instanceof YamlNode.Sequence seq)) {
            return;
        }
        for (YamlNode item : seq.items()) {
            String text = NodeReader.scalarText(item);
            if (text == null) {
                continue;
            }
            boolean wildcard = text.startsWith("*.");
            String key;
            try {
                key = (wildcard ? "*." : "") + DomainName.parse(wildcard ? text.substring(2) : text).ascii();
            } catch (IllegalArgumentException e) {
                continue;
            }
            String before = claims.putIfAbsent(key, f.name);
            if (before != null) {
                problems.add(Problem.error(item.location(), "domains", "duplicate-domain",
                        key + " is already claimed by " + before + "; a domain belongs to one provider"));
            }
        }
    }

    private static void digestCertificate(MessageDigest digest, java.security.cert.X509Certificate c) {
        try {
            digest.update(c.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
