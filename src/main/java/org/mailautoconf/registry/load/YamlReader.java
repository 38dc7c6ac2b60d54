package org.mailautoconf.registry.load;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads one YAML document into {@link YamlNode}s that remember their line and column.
 * Jackson's YAML parser does the parsing; this only keeps the locations that a data-binding
 * tree would drop.
 */
final class YamlReader {

    private final YAMLFactory factory = YAMLFactory.builder().build();

    /** The document's root, or null with a problem added when the text is not usable YAML. */
    YamlNode read(String fileName, String text, List<Problem> problems) {
        try (JsonParser parser = factory.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                problems.add(Problem.error(new Location(fileName, 1, 1), "", "empty-file",
                        "the file is empty; a provider file is a map of fields such as id, name, domains"));
                return null;
            }
            YamlNode root = node(fileName, parser, problems, Trail.ROOT);
            JsonToken next = parser.nextToken();
            // An empty document, as after a trailing '---', holds nothing to lose (Jackson gives null or "").
            while (next == JsonToken.VALUE_NULL || (next == JsonToken.VALUE_STRING && parser.getText().isEmpty())) {
                next = parser.nextToken();
            }
            if (next != null) {
                problems.add(Problem.error(location(fileName, parser.currentTokenLocation()), "", "several-documents",
                        "a second YAML document (after '---') starts here; a provider file holds one provider, so put it in a file of its own"));
            }
            return root;
        } catch (JsonProcessingException e) {
            problems.add(syntaxError(fileName, e));
            return null;
        } catch (IOException e) {
            problems.add(Problem.error(new Location(fileName, 1, 1), "", "unreadable",
                    "cannot read the file: " + e.getMessage()));
            return null;
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

    private YamlNode node(String file, JsonParser p, List<Problem> problems, Trail path) throws IOException {
        Location at = location(file, p.currentTokenLocation());
        JsonToken token = p.currentToken();
        switch (token) {
            case START_OBJECT: {
                List<YamlNode.Entry> entries = new ArrayList<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    Location keyAt = location(file, p.currentTokenLocation());
                    p.nextToken();
                    YamlNode value = node(file, p, problems, path.field(key));
                    if (hasKey(entries, key)) {
                        problems.add(Problem.error(keyAt, path.field(key).toString(), "duplicate-key",
                                "'" + key + "' is written twice in the same map; keep one"));
                        continue;
                    }
                    entries.add(new YamlNode.Entry(key, keyAt, value));
                }
                return new YamlNode.Mapping(entries, at);
            }
            case START_ARRAY: {
                List<YamlNode> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(node(file, p, problems, path.item(items.size())));
                }
                return new YamlNode.Sequence(items, at);
            }
            case VALUE_NUMBER_INT:
                return new YamlNode.Scalar(p.getText(), YamlNode.Kind.INTEGER, at);
            case VALUE_NUMBER_FLOAT:
                return new YamlNode.Scalar(p.getText(), YamlNode.Kind.DECIMAL, at);
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new YamlNode.Scalar(p.getText(), YamlNode.Kind.BOOLEAN, at);
            case VALUE_NULL:
                return new YamlNode.Scalar("", YamlNode.Kind.NULL, at);
            default:
                return new YamlNode.Scalar(p.getText(), YamlNode.Kind.STRING, at);
        }
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
     * One line at the place SnakeYAML found the mistake. Jackson's own message spans several
     * lines (with a snippet and a caret) and its location is where the parser stood, which for
     * an unclosed quote or bracket is not where the mistake is.
     */
    private static Problem syntaxError(String fileName, JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException m && m.getProblemMark() != null) {
            Mark problemAt = m.getProblemMark();
            Mark contextAt = m.getContextMark();
            String context = m.getContext() == null ? ""
                    : " (" + m.getContext() + (contextAt == null ? "" : " at line " + (contextAt.getLine() + 1)
                            + ", column " + (contextAt.getColumn() + 1)) + ")";
            return Problem.error(new Location(fileName, problemAt.getLine() + 1, problemAt.getColumn() + 1), "",
                    "yaml-syntax", "not valid YAML: " + m.getProblem() + context);
        }
        JsonLocation at = e.getLocation();
        int line = at == null ? 1 : Math.max(1, at.getLineNr());
        int column = at == null ? 1 : Math.max(1, at.getColumnNr());
        String message = String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("");
        return Problem.error(new Location(fileName, line, column), "", "yaml-syntax", "not valid YAML: " + message);
    }

    private static Location location(String file, JsonLocation at) {
        return new Location(file, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()));
    }
}
