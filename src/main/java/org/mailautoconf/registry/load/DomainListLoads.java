package org.mailautoconf.registry.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.mailautoconf.registry.ListedDomains;

/**
 * The domain lists that provider files name ({@code domainList:}), read for one load: a list
 * whose file did not change since the previous load is taken over as it was (its index is the
 * same object, so the registry shares it), a changed one is read again whole. Then every name
 * of a list is checked against the provider files' names and the other lists': a domain
 * belongs to one provider. The blame goes to the file changed last, as for two provider files.
 */
final class DomainListLoads {

    /** A list as the previous load left it. */
    private record Kept(FileStamp stamp, ListedDomains listed, List<Problem> problems, DomainListFile.Read read) {}

    /** What the lists gave: their indexes in file order, and their problems. */
    record Loaded(List<ListedDomains> lists, List<Problem> problems) {}

    /** One list in this load: the field that names it, its file's stamp, and what it holds. */
    private record Entry(DomainListRef ref, Bound owner, FileStamp stamp, Kept kept) {}

    private Map<Path, Kept> kept = Map.of();

    /** Lists read from elsewhere than where their field points, by the name as written (a degraded start's copies). */
    private final Map<String, Path> elsewhere;

    DomainListLoads(Map<String, Path> elsewhere) {
        this.elsewhere = Map.copyOf(elsewhere);
    }

    Loaded load(List<Bound> bound, boolean allCores) {
        List<Problem> problems = new ArrayList<>();
        Map<Path, Bound> owners = new LinkedHashMap<>();
        for (Bound b : bound) {
            if (b.provider() != null && b.list() != null) {
                Bound first = owners.putIfAbsent(b.list().path(), b);
                if (first != null) {
                    problems.add(Problem.error(b.list().at(), DomainListRef.FIELD, "duplicate-domain-list",
                            b.list().name() + " is already the list of " + first.file().name() + "; a domain belongs to one provider"));
                }
            }
        }
        List<Entry> entries = StreamSupport.stream(owners.values().spliterator(), allCores).map(this::entry).toList();
        Map<Path, Kept> next = new HashMap<>();
        List<ListedDomains> lists = new ArrayList<>();
        for (Entry e : entries) {
            problems.addAll(e.kept().problems());
            if (e.kept().listed() != null) {
                next.put(e.ref().path(), e.kept());
                lists.add(e.kept().listed());
            }
        }
        kept = next;
        if (problems.isEmpty()) {
            problems.addAll(new ListConflicts(bound, entries.stream()
                    .map(e -> new ListConflicts.Listed(e.ref().path(), e.ref().path().toString(), e.stamp().modified(), e.kept().listed()))
                    .toList()).problems());
        }
        return new Loaded(lists, problems);
    }

    private Entry entry(Bound owner) {
        DomainListRef ref = owner.list();
        String id = owner.provider().id();
        String name = ref.path().toString();
        Path file = elsewhere.getOrDefault(ref.name(), ref.path());
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            if (!a.isRegularFile()) {
                return missing(ref, owner, "'" + ref.name() + "' is not a file");
            }
            FileStamp stamp = FileStamp.of(a, Instant.now());
            Kept before = kept.get(ref.path());
            DomainListFile.Read read = null;
            if (before != null && before.listed() != null && before.listed().providerId().equals(id)) {
                if (before.stamp().unchangedAt(stamp)) {
                    // Not read again: its index is the previous registry's, shared as it is.
                    return new Entry(ref, owner, stamp, new Kept(stamp, before.listed(), before.problems(), before.read()));
                }
                // A changed list is read as an edit of its last read where that pays, else whole.
                read = ListEdit.edit(file, name, before.read());
                if (read == before.read() || read == null && DomainListFile.checksum(file) == before.listed().checksum()) {
                    // Saved again unchanged: kept as the same object, so answers cached for it stay.
                    return new Entry(ref, owner, stamp, new Kept(stamp, before.listed(), before.problems(), before.read()));
                }
            }
            if (read == null) {
                read = DomainListFile.read(file, name);
            }
            return new Entry(ref, owner, stamp, new Kept(stamp,
                    new ListedDomains(id, ref.name(), read.names(), read.checksum()), read.problems(), read));
        } catch (NoSuchFileException e) {
            return missing(ref, owner, "there is no file " + ref.name() + " in the provider directory");
        } catch (IOException e) {
            return missing(ref, owner, "cannot read " + ref.name() + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    private static Entry missing(DomainListRef ref, Bound owner, String message) {
        return new Entry(ref, owner, null, new Kept(null, null,
                List.of(Problem.error(ref.at(), DomainListRef.FIELD, "missing-domain-list", message)), null));
    }
}
