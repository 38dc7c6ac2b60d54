package org.mailautoconf.registry.load;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which of two files claiming the same id or domain is to blame: the one changed last (its
 * modification time; the later name when two are equal). The file that was there first keeps
 * its claim, and the admin is sent to the edit that broke the directory, not to the file that
 * happens to sort first.
 */
final class ChangeOrder {

    /** Oldest first: a file later in this order is blamed for a claim an earlier one made. */
    static final Comparator<SourceFile> OLDEST_FIRST = Comparator.comparing((SourceFile f) -> f.stamp().modified())
            .thenComparing(SourceFile::name);

    private ChangeOrder() {
    }

    /**
     * The files by id, in file order, each id kept by its oldest file; a {@code duplicate-id}
     * error for every other file with that id.
     */
    static Map<String, SourceFile> byId(List<SourceFile> files, List<Problem> sink) {
        Map<String, SourceFile> keeper = new HashMap<>();
        files.stream().sorted(OLDEST_FIRST).forEach(f -> keeper.putIfAbsent(f.id(), f));
        Map<String, SourceFile> byId = new LinkedHashMap<>();
        for (SourceFile f : files) {
            SourceFile kept = keeper.get(f.id());
            if (kept == f) {
                byId.put(f.id(), f);
            } else {
                sink.add(Problem.error(f.idAt(), "id", "duplicate-id", "the id '" + f.id() + "' is already used by " + kept.name()));
            }
        }
        return byId;
    }

    /** True when {@code a} was changed after {@code b}. */
    static boolean later(SourceFile a, SourceFile b) {
        return OLDEST_FIRST.compare(a, b) > 0;
    }
}
