package org.mailautoconf.registry.load;

import java.util.List;
import java.util.Optional;

/** A YAML value with the place it was written, so every problem can name its line. */
public sealed interface YamlNode {

    Location location();

    /** A word for messages: "text", "a number", "a list", "a map". */
    String describe();

    enum Kind { STRING, INTEGER, DECIMAL, BOOLEAN, NULL }

    record Scalar(String text, Kind kind, Location location) implements YamlNode {
        @Override
        public String describe() {
            return switch (kind) {
                case STRING -> "text";
                case INTEGER, DECIMAL -> "a number";
                case BOOLEAN -> "true/false";
                case NULL -> "empty";
            };
        }
    }

    record Entry(String key, Location keyLocation, YamlNode value) {}

    record Mapping(List<Entry> entries, Location location) implements YamlNode {
        public Mapping {
            entries = List.copyOf(entries);
        }

        public Optional<Entry> entry(String key) {
            return entries.stream().filter(e -> e.key().equals(key)).findFirst();
        }

        @Override
        public String describe() {
            return "a map of fields";
        }
    }

    record Sequence(List<YamlNode> items, Location location) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }
}
