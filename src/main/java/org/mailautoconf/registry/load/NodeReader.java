package org.mailautoconf.registry.load;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.mailautoconf.registry.LocalizedText;

/**
 * Typed reading of {@link YamlNode}s: each method returns the value or null, and adds a
 * {@link Problem} naming the field when the value is missing or of the wrong kind.
 * {@code complete} false reads a profile, where required fields may still be missing.
 */
final class NodeReader {

    private static final java.util.regex.Pattern LANGUAGE_TAG = java.util.regex.Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    private final List<Problem> problems;
    private final boolean complete;

    NodeReader(List<Problem> problems, boolean complete) {
        this.problems = problems;
        this.complete = complete;
    }

    boolean complete() {
        return complete;
    }

    void error(Location at, String field, String code, String message) {
        problems.add(Problem.error(at, field, code, message));
    }

    void warning(Location at, String field, String code, String message) {
        problems.add(Problem.warning(at, field, code, message));
    }

    void note(Location at, String field, String code, String message) {
        problems.add(new Problem(Problem.Severity.NOTE, at, field, code, message));
    }

    /** The fields of a map, after reporting every key that is not in {@code allowed}. */
    Map<String, YamlNode.Entry> fields(YamlNode node, String path, Set<String> allowed) {
        if (!(node instanceof YamlNode.Mapping mapping)) {
            error(node.location(), path, "wrong-type", "must be a map of fields, was " + node.describe());
            return null;
        }
        Map<String, YamlNode.Entry> byKey = new LinkedHashMap<>();
        for (YamlNode.Entry e : mapping.entries()) {
            if (!allowed.contains(e.key())) {
                String hint = suggestion(e.key(), allowed).map(s -> "; did you mean '" + s + "'?")
                        .orElse("; known fields: " + String.join(", ", allowed.stream().sorted().toList()));
                error(e.keyLocation(), join(path, e.key()), "unknown-field", "unknown field '" + e.key() + "'" + hint);
                continue;
            }
            byKey.put(e.key(), e);
        }
        return byKey;
    }

    /** Reports a required field that is missing (only when reading a complete provider). */
    boolean require(Map<String, YamlNode.Entry> fields, String key, Location parent, String path, String what) {
        if (fields.containsKey(key)) {
            return true;
        }
        if (complete) {
            error(parent, join(path, key), "missing-field", "'" + key + "' is required: " + what);
        }
        return false;
    }

    String text(YamlNode.Entry e, String path) {
        if (e == null) {
            return null;
        }
        if (e.value() instanceof YamlNode.Scalar s && s.kind() != YamlNode.Kind.NULL) {
            if (s.kind() != YamlNode.Kind.STRING) {
                error(s.location(), path, "wrong-type", "must be text, was " + s.describe()
                        + " (write it in quotes if it is meant as text)");
                return null;
            }
            if (s.text().isBlank()) {
                error(s.location(), path, "empty-value", "must not be empty");
                return null;
            }
            return s.text();
        }
        error(e.value().location(), path, "wrong-type", "must be text, was " + e.value().describe());
        return null;
    }

    Integer integer(YamlNode.Entry e, String path, int min, int max) {
        if (e == null) {
            return null;
        }
        if (e.value() instanceof YamlNode.Scalar s && s.kind() == YamlNode.Kind.INTEGER) {
            try {
                long v = Long.parseLong(s.text());
                if (v < min || v > max) {
                    error(s.location(), path, "out-of-range", "must be between " + min + " and " + max + ", was " + v);
                    return null;
                }
                return (int) v;
            } catch (NumberFormatException ex) {
                error(s.location(), path, "out-of-range", "must be between " + min + " and " + max + ", was " + s.text());
                return null;
            }
        }
        error(e.value().location(), path, "wrong-type", "must be a whole number, was " + e.value().describe());
        return null;
    }

    Boolean bool(YamlNode.Entry e, String path) {
        if (e == null) {
            return null;
        }
        if (e.value() instanceof YamlNode.Scalar s && s.kind() == YamlNode.Kind.BOOLEAN) {
            return Boolean.parseBoolean(s.text().toLowerCase(Locale.ROOT));
        }
        error(e.value().location(), path, "wrong-type", "must be true or false, was " + e.value().describe());
        return null;
    }

    /** An absolute URL; {@code httpsOnly} refuses http. */
    URI url(YamlNode.Entry e, String path, boolean httpsOnly) {
        String text = text(e, path);
        if (text == null) {
            return null;
        }
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean schemeOk = httpsOnly ? scheme.equals("https") : scheme.equals("https") || scheme.equals("http");
            if (!schemeOk || uri.getHost() == null) {
                error(e.value().location(), path, "bad-url", "must be an absolute " + (httpsOnly ? "https" : "http(s)")
                        + " URL such as https://mail.example.org/, was '" + text + "'");
                return null;
            }
            return uri;
        } catch (URISyntaxException ex) {
            error(e.value().location(), path, "bad-url", "is not a valid URL: " + ex.getReason());
            return null;
        }
    }

    /**
     * A list; a single value where a list is expected is taken as a list of one when {@code single} allows it.
     * Null when any item is wrong: a list without its bad items would read as shorter (or empty) than written.
     */
    <T> List<T> list(YamlNode.Entry e, String path, boolean single, BiFunction<YamlNode, String, T> item) {
        if (e == null) {
            return null;
        }
        List<T> out = new ArrayList<>();
        if (e.value() instanceof YamlNode.Sequence seq) {
            boolean allRead = true;
            for (int i = 0; i < seq.items().size(); i++) {
                T t = item.apply(seq.items().get(i), path + "[" + i + "]");
                if (t != null) {
                    out.add(t);
                } else {
                    allRead = false;
                }
            }
            return allRead ? out : null;
        }
        if (single && e.value() instanceof YamlNode.Scalar) {
            T t = item.apply(e.value(), path);
            return t == null ? null : List.of(t);
        }
        error(e.value().location(), path, "wrong-type", "must be a list, was " + e.value().describe());
        return null;
    }

    /** A text per language: {@code {it: "...", en: "..."}}. */
    LocalizedText localized(YamlNode.Entry e, String path) {
        if (e == null) {
            return null;
        }
        if (!(e.value() instanceof YamlNode.Mapping m)) {
            error(e.value().location(), path, "wrong-type",
                    "must be a map from language to text, such as {it: \"...\", en: \"...\"}, was " + e.value().describe());
            return null;
        }
        Map<String, String> byLanguage = new LinkedHashMap<>();
        for (YamlNode.Entry lang : m.entries()) {
            if (!LANGUAGE_TAG.matcher(lang.key()).matches()) {
                error(lang.keyLocation(), join(path, lang.key()), "bad-language",
                        "'" + lang.key() + "' is not a language tag such as it, en or pt-BR");
                continue;
            }
            String text = text(lang, join(path, lang.key()));
            if (text != null) {
                byLanguage.put(lang.key(), text.strip());
            }
        }
        return new LocalizedText(byLanguage);
    }

    static String scalarText(YamlNode node) {
        return node instanceof YamlNode.Scalar s ? s.text() : null;
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** The closest known name, for "did you mean": same letters in another case, or at most two edits away. */
    static Optional<String> suggestion(String key, Set<String> known) {
        return known.stream()
                .filter(k -> k.equalsIgnoreCase(key) || distance(k.toLowerCase(Locale.ROOT), key.toLowerCase(Locale.ROOT)) <= 2)
                .min(Comparator.comparingInt(k -> distance(k.toLowerCase(Locale.ROOT), key.toLowerCase(Locale.ROOT))));
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
