package org.mailautoconf.registry.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.DocumentEndEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.events.StreamEndEvent;
import org.yaml.snakeyaml.events.StreamStartEvent;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads one YAML document into {@link YamlNode}s that remember their line and column.
 * SnakeYAML's parser does the parsing, and its resolver decides what a plain scalar is (a
 * number, true/false, empty, text). This builds the tree straight from the parser's events: a
 * data-binding layer on top would drop the locations, and Jackson's token layer added a fifth to
 * the parse time and 10 KB of garbage per file for nothing it adds here.
 */
final class YamlReader {

    /** A provider file nests four levels; this only stops a hostile file from exhausting the stack. */
    static final int MAX_DEPTH = 64;

    private static final Pattern WHOLE_NUMBER = Pattern.compile("[-+]?(0b[01_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*)");

    /** SnakeYAML's default document size limit (3 MiB) applies. */
    private final LoaderOptions options = new LoaderOptions();

    /** Only read after construction, so one is shared by the threads of a parallel load. */
    private final Resolver resolver = new Resolver();

    /** A reason the file cannot be read as a tree; becomes one problem. */
    private static final class Unusable extends RuntimeException {
        final Problem problem;

        Unusable(Problem problem) {
            super(problem.message(), null, false, false);
            this.problem = problem;
        }
    }

    /** The document's root, or null with a problem added when the text is not usable YAML. */
    YamlNode read(String fileName, String text, List<Problem> problems) {
        try {
            Parser parser = new ParserImpl(new StreamReader(text), options);
            Event first = content(parser);
            if (first instanceof StreamEndEvent) {
                problems.add(Problem.error(new Location(fileName, 1, 1), "", "empty-file",
                        "the file is empty; a provider file is a map of fields such as id, name, domains"));
                return null;
            }
            YamlNode root = node(fileName, parser, first, problems, Trail.ROOT, 0);
            Event next = content(parser);
            // An empty document, as after a trailing '---', holds nothing to lose.
            while (next instanceof ScalarEvent s && (s.getValue().isEmpty() || kind(s) == YamlNode.Kind.NULL)) {
                next = content(parser);
            }
            if (!(next instanceof StreamEndEvent)) {
                problems.add(Problem.error(location(fileName, next.getStartMark()), "", "several-documents",
                        "a second YAML document (after '---') starts here; a provider file holds one provider, so put it in a file of its own"));
            }
            return root;
        } catch (Unusable e) {
            problems.add(e.problem);
            return null;
        } catch (MarkedYAMLException e) {
            problems.add(YamlIndentation.of(fileName, text, e).orElseGet(() -> syntaxError(fileName, e)));
            return null;
        } catch (ReaderException e) {
            problems.add(Problem.error(at(fileName, text, e.getPosition()), "", "yaml-syntax",
                    "not valid YAML: the character U+" + String.format("%04X", e.getCodePoint())
                            + " is not allowed in a YAML file; remove it"));
            return null;
        } catch (YAMLException e) {
            problems.add(Problem.error(new Location(fileName, 1, 1), "", "yaml-syntax",
                    "not valid YAML: " + String.valueOf(e.getMessage()).lines().findFirst().orElse("")));
            return null;
        }
    }

    /** The next event that is not a stream or document boundary. */
    private static Event content(Parser parser) {
        while (true) {
            Event e = parser.getEvent();
            if (!(e instanceof StreamStartEvent || e instanceof DocumentStartEvent || e instanceof DocumentEndEvent)) {
                return e;
            }
        }
    }

    /**
     * Where a node sits ({@code incoming[0]}), spelled out only for a duplicate-key message: a
     * hoster's registry has millions of nodes and no duplicate.
     */
    private record Trail(Trail up, String key, int index) {
        static final Trail ROOT = new Trail(null, null, -1);

        Trail field(String name) {
            return new Trail(this, name, -1);
        }

        Trail item(int i) {
            return new Trail(this, null, i);
        }

        @Override
        public String toString() {
            if (up == null) {
                return "";
            }
            String above = up.toString();
            return key == null ? above + "[" + index + "]" : NodeReader.join(above, key);
        }
    }

    private YamlNode node(String file, Parser p, Event event, List<Problem> problems, Trail path, int depth) {
        Location at = location(file, event.getStartMark());
        if (event instanceof ScalarEvent s) {
            return scalar(s, at);
        }
        if (event instanceof AliasEvent a) {
            throw new Unusable(Problem.error(at, path.toString(), "yaml-alias", "*" + a.getAnchor()
                    + " repeats an anchored value; provider files do not use anchors and aliases: share settings with 'extends:' instead"));
        }
        if (depth >= MAX_DEPTH) {
            throw new Unusable(Problem.error(at, path.toString(), "too-deep",
                    "maps and lists are nested more than " + MAX_DEPTH + " levels deep here; a provider file needs four"));
        }
        if (event instanceof MappingStartEvent) {
            List<YamlNode.Entry> entries = new ArrayList<>();
            for (Event k = p.getEvent(); !(k instanceof CollectionEndEvent); k = p.getEvent()) {
                if (!(k instanceof ScalarEvent keyEvent)) {
                    throw new Unusable(Problem.error(location(file, k.getStartMark()), path.toString(), "yaml-syntax",
                            "not valid YAML for a provider file: a key here is a list, a map or an alias; a key is a word such as name"));
                }
                String key = keyEvent.getValue();
                Location keyAt = location(file, keyEvent.getStartMark());
                YamlNode value = node(file, p, p.getEvent(), problems, path.field(key), depth + 1);
                if (hasKey(entries, key)) {
                    problems.add(Problem.error(keyAt, path.field(key).toString(), "duplicate-key",
                            "'" + key + "' is written twice in the same map; keep one"));
                    continue;
                }
                entries.add(new YamlNode.Entry(key, keyAt, value));
            }
            return new YamlNode.Mapping(entries, at);
        }
        if (event instanceof SequenceStartEvent) {
            List<YamlNode> items = new ArrayList<>();
            for (Event i = p.getEvent(); !(i instanceof CollectionEndEvent); i = p.getEvent()) {
                items.add(node(file, p, i, problems, path.item(items.size()), depth + 1));
            }
            return new YamlNode.Sequence(items, at);
        }
        // The parser gives nothing else inside a document; say so rather than guess.
        throw new Unusable(Problem.error(at, path.toString(), "yaml-syntax", "not valid YAML: unexpected " + event));
    }

    /**
     * What a scalar is, as YAML 1.1 (SnakeYAML's resolver) reads it: a plain {@code 993} is a
     * number, a quoted {@code "993"} text, a plain {@code yes} or {@code on} true, {@code ~}
     * empty. A true/false is kept as {@code true} or {@code false}, whichever word was written.
     * Nothing after a key is empty text, so that it reads as "must not be empty". A whole number
     * is one in decimal, hex, octal or binary: YAML 1.1's base 60 would make {@code 12:30} a
     * number where an admin means text.
     */
    private YamlNode.Scalar scalar(ScalarEvent s, Location at) {
        YamlNode.Kind kind = kind(s);
        String text = switch (kind) {
            case NULL -> "";
            case BOOLEAN -> yamlBoolean(s.getValue()).toString();
            default -> s.getValue();
        };
        return new YamlNode.Scalar(text, kind, at);
    }

    private YamlNode.Kind kind(ScalarEvent s) {
        String value = s.getValue();
        if (value.isEmpty()) {
            return YamlNode.Kind.STRING;
        }
        String tag = s.getTag();
        // Compared as text: SnakeYAML's Tag refuses some tags a file may carry (!x%20).
        String resolved = tag == null || tag.equals("!")
                ? resolver.resolve(NodeId.scalar, value, s.getImplicit().canOmitTagInPlainScalar()).getValue()
                : tag;
        if (Tag.INT.getValue().equals(resolved)) {
            return WHOLE_NUMBER.matcher(value).matches() ? YamlNode.Kind.INTEGER : YamlNode.Kind.STRING;
        }
        if (Tag.FLOAT.getValue().equals(resolved)) {
            return YamlNode.Kind.DECIMAL;
        }
        if (Tag.NULL.getValue().equals(resolved)) {
            return YamlNode.Kind.NULL;
        }
        if (Tag.BOOL.getValue().equals(resolved) && yamlBoolean(value) != null) {
            return YamlNode.Kind.BOOLEAN;
        }
        return YamlNode.Kind.STRING;
    }

    /** YAML 1.1's words for true and false. */
    private static Boolean yamlBoolean(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "y" -> Boolean.TRUE;
            case "false", "no", "off", "n" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** A provider file's maps have a few keys each: a scan costs less than a set per map. */
    private static boolean hasKey(List<YamlNode.Entry> entries, String key) {
        for (YamlNode.Entry e : entries) {
            if (e.key().equals(key)) {
                return true;
            }
        }
        return false;
    }

    /**
     * One line at the place SnakeYAML found the mistake, and, where it says so, where the
     * construct began: for an unclosed quote or bracket, the place of the mistake is the end of
     * the file, and the opening is what the admin needs.
     */
    private static Problem syntaxError(String fileName, MarkedYAMLException m) {
        Mark problemAt = m.getProblemMark() != null ? m.getProblemMark() : m.getContextMark();
        Mark contextAt = m.getContextMark();
        String context = m.getContext() == null ? ""
                : " (" + m.getContext() + (contextAt == null ? "" : " at line " + (contextAt.getLine() + 1)
                        + ", column " + (contextAt.getColumn() + 1)) + ")";
        Location where = problemAt == null ? new Location(fileName, 1, 1) : location(fileName, problemAt);
        String problem = m.getProblem() != null ? m.getProblem() : String.valueOf(m.getMessage()).lines().findFirst().orElse("");
        return Problem.error(where, "", "yaml-syntax", "not valid YAML: " + problem + context);
    }

    private static Location location(String file, Mark at) {
        return new Location(file, at.getLine() + 1, at.getColumn() + 1);
    }

    /**
     * The line and column of a code-point position, for SnakeYAML's reader, which gives only the
     * position. Lines end as YAML 1.1 says (LF, CR, CR LF, NEL, LS, PS); a byte-order mark takes
     * no column.
     */
    private static Location at(String file, String text, int codePoints) {
        int line = 1;
        int column = 1;
        int offset = 0;
        for (int i = 0; i < codePoints && offset < text.length(); i++) {
            int c = text.codePointAt(offset);
            offset += Character.charCount(c);
            boolean crBeforeLf = c == '\r' && offset < text.length() && text.charAt(offset) == '\n';
            if (c == '\n' || (c == '\r' && !crBeforeLf) || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                line++;
                column = 1;
            } else if (!(c == '\uFEFF' && i == 0) && !crBeforeLf) {
                column++;
            }
        }
        return new Location(file, line, column);
    }
}
