package org.mailautoconf.registry.load;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.Provider;
import org.mailautoconf.registry.Registry;

/**
 * The domains each file claims, with their places, and the duplicate-domain problems: a domain
 * belongs to one provider. A registry finds duplicates while it builds its index; these name
 * the file and line of each.
 */
final class DomainClaims {

    private DomainClaims() {
    }

    /** A domain (or {@code *.} pattern, ASCII form) that a file claims, and where it says so. */
    record Claim(String key, int line, int column) {}

    /** The file's domain claims, parsed where the file is bound (in parallel); bad names are the binder's to report. */
    static List<Claim> of(SourceFile f) {
        Optional<YamlNode.Entry> domains = f.root().entry("domains");
        if (f.profile() || domains.isEmpty() || !(domains.get().value() instanceof YamlNode.Sequence seq)) {
            return List.of();
        }
        List<Claim> out = new ArrayList<>();
        for (YamlNode item : seq.items()) {
            String text = NodeReader.scalarText(item);
            if (text == null) {
                continue;
            }
            boolean wildcard = text.startsWith("*.");
            try {
                // Kept for every file until the next load: the ASCII name is shared with the
                // parsed text when it is already normal, and the place is two ints, not a Location.
                String ascii = DomainName.parse(wildcard ? text.substring(2) : text).ascii();
                out.add(new Claim(wildcard ? "*." + ascii : ascii, item.location().line(), item.location().column()));
            } catch (IllegalArgumentException e) {
                // reported by the binder with its reason
            }
        }
        return out;
    }

    /** Every claim against the claims of files changed before it (and earlier in its own file). */
    static List<Problem> check(List<Bound> bound) {
        List<Problem> sink = new ArrayList<>();
        Map<String, String> claims = new HashMap<>();
        for (Bound b : bound.stream().sorted(Comparator.comparing(Bound::file, ChangeOrder.OLDEST_FIRST)).toList()) {
            for (Claim c : b.claims()) {
                String before = claims.putIfAbsent(c.key(), b.file().name());
                if (before != null) {
                    sink.add(duplicateDomain(c, b.file().name(), before));
                }
            }
        }
        return sink;
    }

    /** The registry's conflicts as problems at the line of the later claim. */
    static List<Problem> locate(List<Registry.Conflict> conflicts, List<Bound> bound) {
        Map<Provider, Bound> byProvider = new IdentityHashMap<>();
        bound.stream().filter(b -> b.provider() != null).forEach(b -> byProvider.put(b.provider(), b));
        List<Problem> out = new ArrayList<>();
        for (Registry.Conflict c : conflicts) {
            String key = c.pattern().toString();
            Bound first = byProvider.get(c.first());
            Bound second = byProvider.get(c.second());
            if (ChangeOrder.later(first.file(), second.file())) {
                // The registry met them in file order; the blame goes to the file changed last.
                Bound swap = first;
                first = second;
                second = swap;
            }
            // Within one file the later claim is the second with this key; across files, the first in the later file.
            List<Claim> inSecond = second.claims().stream().filter(k -> k.key().equals(key)).toList();
            Claim later = first == second && inSecond.size() > 1 ? inSecond.get(1) : inSecond.get(0);
            out.add(duplicateDomain(later, second.file().name(), first.file().name()));
        }
        return out;
    }

    private static Problem duplicateDomain(Claim claim, String file, String claimedBy) {
        return Problem.error(new Location(file, claim.line(), claim.column()), "domains", "duplicate-domain",
                claim.key() + " is already claimed by " + claimedBy + "; a domain belongs to one provider");
    }
}
