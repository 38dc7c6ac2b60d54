package org.mailautoconf.registry.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies {@code extends}: the child file's fields over its parent's. Maps merge field by field,
 * the server lists ({@code incoming}, {@code outgoing}) merge item by item in order, any other
 * value of the child replaces the parent's. Nodes keep the file and line they came from.
 */
final class Inheritance {

    /** Fields that belong to one file only: a child never takes its parent's domains or name of record. */
    static final Set<String> NOT_INHERITED = Set.of("id", "profile", "extends", "domains", "aliases", "assumptions");
    private static final Set<String> MERGED_BY_POSITION = Set.of("incoming", "outgoing");

    private Inheritance() {
    }

    static YamlNode.Mapping merge(YamlNode.Mapping parent, YamlNode.Mapping child) {
        Map<String, YamlNode.Entry> out = new LinkedHashMap<>();
        for (YamlNode.Entry e : parent.entries()) {
            if (!NOT_INHERITED.contains(e.key())) {
                out.put(e.key(), e);
            }
        }
        for (YamlNode.Entry e : child.entries()) {
            YamlNode.Entry inherited = out.get(e.key());
            YamlNode value = inherited == null ? e.value()
                    : mergeValue(inherited.value(), e.value(), MERGED_BY_POSITION.contains(e.key()));
            out.put(e.key(), new YamlNode.Entry(e.key(), e.keyLocation(), value));
        }
        // A child that names itself gets its own short name too, not the profile's.
        if (child.entry("name").isPresent() && child.entry("shortName").isEmpty()) {
            out.remove("shortName");
        }
        return new YamlNode.Mapping(new ArrayList<>(out.values()), child.location());
    }

    private static YamlNode mergeValue(YamlNode parent, YamlNode child, boolean byPosition) {
        if (parent instanceof YamlNode.Mapping p && child instanceof YamlNode.Mapping c) {
            Map<String, YamlNode.Entry> out = new LinkedHashMap<>();
            p.entries().forEach(e -> out.put(e.key(), e));
            for (YamlNode.Entry e : c.entries()) {
                YamlNode.Entry inherited = out.get(e.key());
                YamlNode value = inherited == null ? e.value() : mergeValue(inherited.value(), e.value(), false);
                out.put(e.key(), new YamlNode.Entry(e.key(), e.keyLocation(), value));
            }
            return new YamlNode.Mapping(new ArrayList<>(out.values()), c.location());
        }
        if (byPosition && parent instanceof YamlNode.Sequence p && child instanceof YamlNode.Sequence c) {
            List<YamlNode> items = new ArrayList<>();
            for (int i = 0; i < c.items().size(); i++) {
                items.add(i < p.items().size() ? mergeValue(p.items().get(i), c.items().get(i), false) : c.items().get(i));
            }
            return new YamlNode.Sequence(items, c.location());
        }
        return child;
    }
}
