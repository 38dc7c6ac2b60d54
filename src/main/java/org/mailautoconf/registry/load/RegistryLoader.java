package org.mailautoconf.registry.load;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.mailautoconf.registry.Branding;
import org.mailautoconf.registry.CaCertificate;
import org.mailautoconf.registry.ListedDomains;
import org.mailautoconf.registry.Provider;
import org.mailautoconf.registry.Registry;

/**
 * Reads a {@code providers.d/} directory into a {@link Registry}: every {@code *.yaml} file in it
 * (not below it), applying {@code extends}, checking every field, every domain claim and what
 * clients accept. Blocking file I/O: never call it on an event loop.
 */
public final class RegistryLoader {

    /** Thread-safe: Jackson's factory makes a parser per file. */
    private final YamlReader yaml = new YamlReader();

    private static final java.util.regex.Pattern ID_PATTERN = java.util.regex.Pattern.compile("[a-z0-9]([a-z0-9.-]*[a-z0-9])?");

    /**
     * Files that stood alone in the previous load, by path: a reload parses and checks again only
     * what changed, so one edit in a hoster's 100,000 files does not cost a full load.
     */
    private Map<Path, Bound> reusable = Map.of();

    /** The registry of the previous load, whose domain index the next one shares where nothing changed. */
    private Registry previous;

    /** The domain lists of the previous load, taken over while their files do not change. */
    private final DomainListLoads lists;

    public RegistryLoader() {
        this(Map.of());
    }

    /**
     * A loader that reads the domain list a provider file names from {@code listFiles} (by the
     * name as written) instead of beside the file: the state directory's copies of the lists.
     */
    public RegistryLoader(Map<String, Path> listFiles) {
        this.lists = new DomainListLoads(listFiles);
    }

    /** The content hash of every provider file of the last load, by file name, in file order. */
    private Map<String, byte[]> lastHashes = Map.of();

    /** One load at a time per loader: a load replaces what the next one may reuse. */
    public synchronized LoadResult load(Path dir, Optional<String> defaultProviderId) {
        Set<Problem> problems = new LinkedHashSet<>();
        List<Problem> sink = new ArrayList<>();
        MessageDigest digest = sha256();
        List<SourceFile> files = readAll(dir, sink, digest);
        problems.addAll(sink);
        sink.clear();

        Map<String, SourceFile> byId = ChangeOrder.byId(files, sink);

        // Files in an extends chain are bound once every tree is read (in parallel).
        List<Bound> bound = StreamSupport.stream(byId.values().spliterator(), allCores())
                .map(f -> f.bound() != null ? f.bound() : bind(f, byId)).toList();
        remember(bound);
        List<Provider> providers = new ArrayList<>();
        for (Bound b : bound) {
            sink.addAll(b.problems());
            if (b.provider() != null) {
                b.provider().caCertificate().flatMap(CaCertificate::certificate).ifPresent(c -> digestCertificate(digest, c));
                // A replaced logo is a new registry version, as a replaced certificate is.
                b.provider().branding().flatMap(Branding::logo)
                        .ifPresent(l -> digest.update(l.sha256().getBytes(StandardCharsets.US_ASCII)));
                providers.add(b.provider());
            }
        }
        problems.addAll(sink);
        DomainListLoads.Loaded listed = lists.load(bound, allCores());
        problems.addAll(listed.problems());
        for (ListedDomains l : listed.lists()) {
            digest.update(l.source().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(java.nio.ByteBuffer.allocate(Long.BYTES).putLong(0, l.checksum()));
        }

        Optional<Provider> defaultProvider = Optional.empty();
        if (defaultProviderId.isPresent()) {
            defaultProvider = providers.stream().filter(p -> p.id().equals(defaultProviderId.get())).findFirst();
            if (defaultProvider.isEmpty()) {
                problems.add(Problem.error(new Location(dir.toString(), 1, 1), "", "unknown-default-provider",
                        "the default provider '" + defaultProviderId.get() + "' is not a provider in " + dir
                                + " (it must be a provider file's id, not a profile's)"));
            }
        }
        if (problems.stream().anyMatch(Problem::isError)) {
            // No registry will be built, but every duplicate domain is still worth naming.
            List<Problem> duplicates = new ArrayList<>();
            duplicates.addAll(DomainClaims.check(bound));
            problems.addAll(duplicates);
            return new LoadResult(Optional.empty(), List.copyOf(problems));
        }
        String version = HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        try {
            // The registry's own index finds duplicate domains: a hoster's million names are hashed
            // once, and after an edit only where the edited files' names fall.
            Registry registry = previous == null ? new Registry(providers, defaultProvider, version, listed.lists())
                    : Registry.after(previous, providers, defaultProvider, version, listed.lists());
            previous = registry;
            return new LoadResult(Optional.of(registry), List.copyOf(problems));
        } catch (Registry.ConflictingClaims e) {
            problems.addAll(DomainClaims.locate(e.conflicts(), bound));
            return new LoadResult(Optional.empty(), List.copyOf(problems));
        }
    }

    /**
     * The SHA-256 of every provider file the last load read (or took over unread), by file name:
     * what a copy of that load's files must match. Call it after {@link #load}, on the same thread.
     */
    public synchronized Map<String, byte[]> lastFileHashes() {
        return Collections.unmodifiableMap(lastHashes);
    }

    /** Keeps, for the next load, the bindings of the files that stand alone (bound without their parse trees). */
    private void remember(List<Bound> bound) {
        Map<Path, Bound> next = new HashMap<>();
        for (Bound b : bound) {
            if (b.file().root() == null) {
                next.put(b.file().path(), b);
            }
        }
        reusable = next;
    }

    private Bound bind(SourceFile f, Map<String, SourceFile> byId) {
        List<Problem> problems = new ArrayList<>();
        YamlNode.Mapping tree = ExtendsChains.resolve(f, byId, yaml, problems);
        if (tree == null) {
            return new Bound(f, null, DomainClaims.of(f), problems, null);
        }
        NodeReader reader = new NodeReader(problems, !f.profile());
        Provider p = new ProviderBinder(reader).bind(tree, f.path());
        DomainListRef list = DomainListRef.of(f, reader);
        if (p != null) {
            new ClientCompatibility(reader).check(p, tree);
        }
        return new Bound(f, p, DomainClaims.of(f), problems, list);
    }

    /**
     * The first load has nothing to serve yet and takes every core. A reload runs on its one
     * thread: it reuses almost everything, and a service answering while it runs keeps the other
     * cores, which a burst on all of them would take from requests (their p99 doubled under load).
     */
    private boolean allCores() {
        return previous == null;
    }

    private List<SourceFile> readAll(Path dir, List<Problem> problems, MessageDigest digest) {
        List<Path> paths;
        try (Stream<Path> s = Files.list(dir)) {
            paths = s.filter(p -> {
                String n = p.getFileName().toString();
                return !n.startsWith(".") && (n.endsWith(".yaml") || n.endsWith(".yml"));
            }).sorted().toList();
        } catch (IOException e) {
            problems.add(Problem.error(new Location(dir.toString(), 1, 1), "", "unreadable", IoWords.directory(dir, e)));
            lastHashes = Map.of();
            return List.of();
        }
        // Files are read and parsed in parallel on a first load; problems and the version hash keep file order.
        List<ReadFile> read = StreamSupport.stream(paths.spliterator(), allCores()).map(this::readOne).toList();
        List<SourceFile> out = new ArrayList<>();
        Map<String, byte[]> hashes = new LinkedHashMap<>();
        for (ReadFile r : read) {
            problems.addAll(r.problems());
            if (r.hash() != null) {
                hashes.put(r.path().getFileName().toString(), r.hash());
                digest.update(r.path().getFileName().toString().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(r.hash());
            }
            if (r.file() != null) {
                out.add(r.file());
            }
        }
        lastHashes = hashes;
        return out;
    }

    /**
     * One file: its content hash (null when unreadable or not a file), what it holds (null when
     * unusable), and its problems.
     */
    private record ReadFile(Path path, byte[] hash, SourceFile file, List<Problem> problems) {}

    private ReadFile readOne(Path path) {
        String name = path.toString();
        List<Problem> problems = new ArrayList<>();
        Bound before = reusable.get(path);
        byte[] bytes;
        String text;
        FileStamp stamp;
        try {
            // Stat here, in parallel: a stat per file in the listing cost a hoster's load 0.3 s on one core.
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                return new ReadFile(path, null, null, List.of());
            }
            if (attributes.size() > BoundedRead.MAX_BYTES) {
                // Refused on its stat: read first, a 300 MB file would exhaust the heap.
                return new ReadFile(path, null, null, List.of(BoundedRead.tooLarge(name, attributes.size())));
            }
            stamp = FileStamp.of(attributes, Instant.now());
            if (before != null && before.file().stamp().unchangedAt(stamp)) {
                // Not even read: a reload after one edit in 100,000 files stats them, nothing more.
                return new ReadFile(path, before.file().hash(), before.file().boundAs(before), before.file().readProblems());
            }
            bytes = BoundedRead.read(path, BoundedRead.MAX_BYTES);
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            problems.add(Problem.error(new Location(name, 1, 1), "", "not-utf8", "the file is not UTF-8 text"));
            return new ReadFile(path, null, null, problems);
        } catch (BoundedRead.TooLarge e) {
            return new ReadFile(path, null, null, List.of(BoundedRead.tooLarge(name, -1)));
        } catch (IOException e) {
            problems.add(Problem.error(new Location(name, 1, 1), "", "unreadable", "cannot read the file: " + e));
            return new ReadFile(path, null, null, problems);
        }
        byte[] hash = sha256().digest(bytes);
        if (before != null && java.util.Arrays.equals(before.file().hash(), hash)) {
            // Same bytes under a new stamp (touched, or saved unchanged): remembered with the new one.
            SourceFile same = before.file().stamped(stamp);
            return new ReadFile(path, hash, same.boundAs(new Bound(same, before.provider(), before.claims(), before.problems(), before.list())),
                    same.readProblems());
        }
        YamlNode root = yaml.read(name, text, problems);
        if (root == null) {
            return new ReadFile(path, hash, null, problems);
        }
        if (!(root instanceof YamlNode.Mapping mapping)) {
            problems.add(Problem.error(root.location(), "", "wrong-type",
                    "a provider file is a map of fields (id:, name:, domains:, ...), not " + root.describe()));
            return new ReadFile(path, hash, null, problems);
        }
        NodeReader reader = new NodeReader(problems, true);
        String id = reader.require(fieldsOf(mapping), "id", mapping.location(), "", "a short name for this file, such as polito")
                ? reader.text(mapping.entry("id").orElseThrow(), "id") : null;
        if (id == null) {
            return new ReadFile(path, hash, null, problems);
        }
        if (!ID_PATTERN.matcher(id).matches()) {
            problems.add(Problem.error(mapping.entry("id").orElseThrow().value().location(), "id", "bad-id",
                    "an id has lower-case letters, digits, '-' and '.', such as tim-pec; was '" + id + "'"));
            return new ReadFile(path, hash, null, problems);
        }
        Boolean profile = mapping.entry("profile").map(e -> reader.bool(e, "profile")).orElse(false);
        Location idAt = mapping.entry("id").orElseThrow().value().location();
        SourceFile file = new SourceFile(name, path, stamp, hash, mapping, id, idAt, mapping.entry("extends").orElse(null),
                Boolean.TRUE.equals(profile), List.copyOf(problems), null);
        if (file.standsAlone()) {
            // Bound here, in the parallel read, so that its parse tree is garbage at once: a
            // hoster's 100,000 trees kept until every file is read would be copied by each young
            // collection while the load runs.
            Bound b = bind(file, Map.of());
            SourceFile slim = file.slim();
            return new ReadFile(path, hash, slim.boundAs(new Bound(slim, b.provider(), b.claims(), b.problems(), b.list())), problems);
        }
        return new ReadFile(path, hash, file, problems);
    }

    private static Map<String, YamlNode.Entry> fieldsOf(YamlNode.Mapping m) {
        Map<String, YamlNode.Entry> out = new LinkedHashMap<>();
        m.entries().forEach(e -> out.put(e.key(), e));
        return out;
    }

    private static void digestCertificate(MessageDigest digest, java.security.cert.X509Certificate c) {
        try {
            digest.update(c.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
