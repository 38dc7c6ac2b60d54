package org.mailautoconf.registry.load;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mailautoconf.registry.ListedDomains;

/**
 * Domains that a list shares with a provider file or with another list, as problems at the
 * place of the later claim: in the file changed last (the one changed first keeps the name, as
 * between two provider files). The provider files' names are probed in each list; between two
 * lists, the smaller is walked and probed in the larger. A list's line is found by reading it
 * again, only for the names it is blamed for.
 */
final class ListConflicts {

    /** A list in this load, with what the blame needs: its file's name and modification time. */
    record Listed(Path path, String name, Instant modified, ListedDomains listed) {}

    private final List<Bound> bound;
    private final List<Listed> lists;
    private final List<Problem> problems = new ArrayList<>();
    /** Names each list is blamed for, with the file that claimed them first. */
    private final Map<Listed, Map<String, String>> blamed = new LinkedHashMap<>();
    private int count;

    ListConflicts(List<Bound> bound, List<Listed> lists) {
        this.bound = bound;
        this.lists = lists;
    }

    List<Problem> problems() {
        if (lists.isEmpty()) {
            return List.of();
        }
        for (Bound b : bound) {
            if (b.provider() == null) {
                continue;
            }
            for (DomainClaims.Claim c : b.claims()) {
                if (c.key().startsWith("*.")) {
                    continue;
                }
                for (Listed l : lists) {
                    if (l.listed().names().contains(c.key())) {
                        if (later(b.file().stamp().modified(), b.file().name(), l)) {
                            add(Problem.error(new Location(b.file().name(), c.line(), c.column()), "domains", "duplicate-domain",
                                    c.key() + " is already claimed by " + l.name() + "; a domain belongs to one provider"));
                        } else {
                            blame(l, c.key(), b.file().name());
                        }
                    }
                }
            }
        }
        for (int i = 0; i < lists.size(); i++) {
            for (int j = i + 1; j < lists.size(); j++) {
                Listed a = lists.get(i);
                Listed b = lists.get(j);
                Listed later = later(a.modified(), a.name(), b) ? a : b;
                Listed earlier = later == a ? b : a;
                Listed small = a.listed().names().size() <= b.listed().names().size() ? a : b;
                Listed large = small == a ? b : a;
                for (String name : small.listed().names().common(large.listed().names(), DomainListFile.MAX_PROBLEMS)) {
                    blame(later, name, earlier.name());
                }
            }
        }
        for (Map.Entry<Listed, Map<String, String>> e : blamed.entrySet()) {
            locate(e.getKey(), e.getValue());
        }
        if (count > DomainListFile.MAX_PROBLEMS) {
            problems.add(Problem.error(problems.get(0).location(), "domains", "more-problems",
                    (count - DomainListFile.MAX_PROBLEMS) + " more domains claimed twice after the first " + DomainListFile.MAX_PROBLEMS));
        }
        return problems;
    }

    /** True when the file ({@code modified}, {@code name}) changed after the list. */
    private static boolean later(Instant modified, String name, Listed l) {
        int c = modified.compareTo(l.modified());
        return c != 0 ? c > 0 : name.compareTo(l.name()) > 0;
    }

    private void blame(Listed l, String name, String claimedBy) {
        if (count++ < DomainListFile.MAX_PROBLEMS) {
            blamed.computeIfAbsent(l, k -> new LinkedHashMap<>()).putIfAbsent(name, claimedBy);
        }
    }

    private void add(Problem p) {
        if (count++ < DomainListFile.MAX_PROBLEMS) {
            problems.add(p);
        }
    }

    private void locate(Listed l, Map<String, String> names) {
        Map<String, Location> at;
        try {
            at = DomainListFile.locate(l.path(), l.name(), names.keySet());
        } catch (IOException e) {
            at = Map.of();
        }
        Set<String> done = new LinkedHashSet<>();
        for (Map.Entry<String, String> e : names.entrySet()) {
            if (done.add(e.getKey())) {
                problems.add(Problem.error(at.getOrDefault(e.getKey(), new Location(l.name(), 1, 1)), DomainListRef.FIELD,
                        "duplicate-domain", e.getKey() + " is already claimed by " + e.getValue() + "; a domain belongs to one provider"));
            }
        }
    }
}
