package org.mailautoconf.registry.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code extends}: a file's parse tree with its ancestors' merged in, and the chain's problems. */
final class ExtendsChains {

    private ExtendsChains() {
    }

    /** The file's tree with every ancestor merged in, or null when the chain is broken. */
    static YamlNode.Mapping resolve(SourceFile f, Map<String, SourceFile> byId, YamlReader yaml, List<Problem> problems) {
        List<SourceFile> chain = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        SourceFile current = f;
        while (current != null) {
            if (seen.contains(current.id())) {
                seen.add(current.id());
                problems.add(Problem.error(f.extendsEntry().value().location(), "extends", "extends-loop",
                        "extends goes round in a loop: " + String.join(" → ", seen)));
                return null;
            }
            seen.add(current.id());
            chain.add(0, current);
            if (current.extendsEntry() == null) {
                break;
            }
            String parentId = NodeReader.scalarText(current.extendsEntry().value());
            SourceFile parent = parentId == null ? null : byId.get(parentId);
            if (parent == null) {
                problems.add(Problem.error(current.extendsEntry().value().location(), "extends", "unknown-extends",
                        "extends '" + parentId + "', but no file in this directory has that id"
                                + NodeReader.suggestion(String.valueOf(parentId), byId.keySet()).map(s -> "; did you mean '" + s + "'?").orElse("")));
                return null;
            }
            current = parent;
        }
        YamlNode.Mapping tree = treeOf(chain.get(0), yaml);
        for (int i = 1; i < chain.size(); i++) {
            tree = Inheritance.merge(tree, treeOf(chain.get(i), yaml));
        }
        return tree;
    }

    /**
     * The parse tree of a file in a chain. A file taken over from the previous load has none kept
     * (a newly added child extends it): it is read again, which is rare and changes nothing else.
     */
    private static YamlNode.Mapping treeOf(SourceFile f, YamlReader yaml) {
        if (f.root() != null) {
            return f.root();
        }
        try {
            YamlNode root = yaml.read(f.name(),
                    new String(BoundedRead.read(f.path(), BoundedRead.MAX_BYTES), StandardCharsets.UTF_8), new ArrayList<>());
            if (root instanceof YamlNode.Mapping m) {
                return m;
            }
        } catch (IOException e) {
            // the file changed under us; the next check of the directory reloads
        }
        return new YamlNode.Mapping(List.of(), f.idAt());
    }
}
