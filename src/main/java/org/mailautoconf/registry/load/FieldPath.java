package org.mailautoconf.registry.load;

/** Finds a field in a provider file's tree by its path, {@code incoming[0].hostname}. */
final class FieldPath {

    private FieldPath() {
    }

    static YamlNode resolve(YamlNode root, String path) {
        YamlNode node = root;
        for (String part : path.split("\\.", -1)) {
            String key = part;
            int index = -1;
            int bracket = part.indexOf('[');
            if (bracket >= 0) {
                if (!part.endsWith("]")) {
                    return null;
                }
                try {
                    index = Integer.parseInt(part.substring(bracket + 1, part.length() - 1));
                } catch (NumberFormatException e) {
                    return null;
                }
                key = part.substring(0, bracket);
            }
            if (!(node instanceof YamlNode.Mapping m)) {
                return null;
            }
            node = m.entry(key).map(YamlNode.Entry::value).orElse(null);
            if (node == null) {
                return null;
            }
            if (index >= 0) {
                if (!(node instanceof YamlNode.Sequence s) || index >= s.items().size()) {
                    return null;
                }
                node = s.items().get(index);
            }
        }
        return node;
    }
}
