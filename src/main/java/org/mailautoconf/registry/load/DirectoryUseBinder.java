package org.mailautoconf.registry.load;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mailautoconf.registry.DirectoryUse;

/**
 * Binds a provider's {@code directory: {source: NAME, supplies: [outgoingLogin, ...]}}. Whether
 * NAME is a configured source is known only to {@code serve} and {@code render} with
 * {@code --directories}: without it the answers come from the templates.
 */
final class DirectoryUseBinder {

    static final String FIELD = "directory";

    private final NodeReader reader;

    DirectoryUseBinder(NodeReader reader) {
        this.reader = reader;
    }

    /** Empty when absent, null when wrong (the problems say why). */
    Optional<DirectoryUse> bind(Map<String, YamlNode.Entry> providerFields) {
        YamlNode.Entry e = providerFields.get(FIELD);
        if (e == null) {
            return Optional.empty();
        }
        Map<String, YamlNode.Entry> f = reader.fields(e.value(), FIELD, Set.of("source", "supplies"));
        if (f == null || !reader.require(f, "source", e.value().location(), FIELD, "the name of a source in the directories file")
                | !reader.require(f, "supplies", e.value().location(), FIELD,
                        "what the directory gives: " + keys())) {
            return null;
        }
        String source = reader.text(f.get("source"), FIELD + ".source");
        List<DirectoryUse.Value> supplies = reader.list(f.get("supplies"), FIELD + ".supplies", true, this::value);
        if (source == null || supplies == null || supplies.contains(null)) {
            return null;
        }
        return Optional.of(new DirectoryUse(source, supplies.isEmpty() ? EnumSet.noneOf(DirectoryUse.Value.class) : EnumSet.copyOf(supplies)));
    }

    private DirectoryUse.Value value(YamlNode node, String path) {
        String text = NodeReader.scalarText(node);
        Optional<DirectoryUse.Value> v = text == null ? Optional.empty() : DirectoryUse.Value.byKey(text);
        if (v.isEmpty()) {
            reader.error(node.location(), path, "unknown-value", "is one of " + keys());
            return null;
        }
        return v.get();
    }

    private static String keys() {
        return String.join(", ", Arrays.stream(DirectoryUse.Value.values()).map(DirectoryUse.Value::key).toList());
    }
}
