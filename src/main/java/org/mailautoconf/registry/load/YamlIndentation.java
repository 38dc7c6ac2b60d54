package org.mailautoconf.registry.load;

import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * SnakeYAML's words for a line indented wrongly ("mapping values are not allowed here",
 * "expected &lt;block end&gt;, but found '&lt;block mapping start&gt;'") name the parser's state,
 * not the admin's mistake. These say "indentation", with the line and column to line up with.
 */
final class YamlIndentation {

    private YamlIndentation() {
    }

    /** The indentation problem SnakeYAML's exception stands for, or empty when it is another mistake. */
    static Optional<Problem> of(String fileName, String text, MarkedYAMLException e) {
        Mark at = e.getProblemMark();
        String problem = e.getProblem();
        if (at == null || problem == null) {
            return Optional.empty();
        }
        Location where = new Location(fileName, at.getLine() + 1, at.getColumn() + 1);
        if (problem.contains("(TAB)")) {
            return Optional.of(problem(where, "a tab indents line " + where.line() + "; YAML indents with spaces only"));
        }
        List<String> lines = text.lines().toList();
        if (problem.startsWith("mapping values are not allowed") && at.getLine() < lines.size()) {
            int line = at.getLine();
            int above = previousContentLine(lines, line);
            if (above >= 0 && indent(lines.get(line)) > keyIndent(lines.get(above)) && !lines.get(above).stripTrailing().endsWith(":")) {
                return Optional.of(problem(new Location(fileName, line + 1, indent(lines.get(line)) + 1),
                        "line " + (line + 1) + " is indented more than the key on line " + (above + 1) + ", so YAML reads it as the"
                                + " rest of that key's value; a key starts in the same column as the keys beside it (column "
                                + (keyIndent(lines.get(above)) + 1) + " here)"));
            }
            return Optional.empty();
        }
        Mark opened = e.getContextMark();
        if (problem.startsWith("expected <block end>") && opened != null) {
            String what = String.valueOf(e.getContext()).contains("collection") ? "list" : "map";
            return Optional.of(problem(where, "column " + where.column() + " lines up with no key or '-'"
                    + " above it; the " + what + " that began at line " + (opened.getLine() + 1) + ", column " + (opened.getColumn() + 1)
                    + " cannot go on here (start the line in the column of the key or '-' it belongs with)"));
        }
        return Optional.empty();
    }

    private static Problem problem(Location where, String message) {
        return Problem.error(where, "", "yaml-indentation", "bad indentation: " + message);
    }

    private static int previousContentLine(List<String> lines, int line) {
        for (int i = line - 1; i >= 0; i--) {
            String stripped = lines.get(i).strip();
            if (!stripped.isEmpty() && !stripped.startsWith("#")) {
                return i;
            }
        }
        return -1;
    }

    /** Where the first key of a line starts: after its indentation and any "- " of list items. */
    private static int keyIndent(String line) {
        int i = indent(line);
        while (line.startsWith("- ", i)) {
            i += 2;
            while (i < line.length() && line.charAt(i) == ' ') {
                i++;
            }
        }
        return i;
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
