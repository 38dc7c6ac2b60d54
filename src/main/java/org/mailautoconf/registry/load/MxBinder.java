package org.mailautoconf.registry.load;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.DomainPattern;

/**
 * The {@code mx:} field: the provider's mail servers as its customers' MX records name them,
 * host names or {@code *.} patterns ({@code *.mx.hoster.example}: every host below
 * mx.hoster.example). Its own class so the provider binder grows by one line.
 */
final class MxBinder {

    private final NodeReader reader;

    MxBinder(NodeReader reader) {
        this.reader = reader;
    }

    /** The patterns, or null when one is wrong (each with a problem at its line and column). */
    List<DomainPattern> mx(YamlNode.Entry e) {
        Set<DomainPattern> seen = new HashSet<>();
        List<DomainPattern> out = reader.list(e, "mx", true, (node, path) -> {
            DomainPattern p = pattern(node, path);
            if (p != null && !seen.add(p)) {
                reader.error(node.location(), path, "duplicate-mx", p + " is listed twice in mx");
                return null;
            }
            return p;
        });
        if (out != null && out.isEmpty()) {
            reader.error(e.value().location(), "mx", "empty-value", "list the host names your customers' MX records name, such as *.mx.hoster.example");
            return null;
        }
        return out;
    }

    private DomainPattern pattern(YamlNode node, String path) {
        String text = NodeReader.scalarText(node);
        if (text == null || text.isBlank()) {
            reader.error(node.location(), path, "wrong-type", "must be a mail server's host name such as mx1.hoster.example or *.mx.hoster.example");
            return null;
        }
        boolean wildcard = text.startsWith("*.");
        String name = wildcard ? text.substring(2) : text;
        try {
            if (name.contains("*")) {
                throw new IllegalArgumentException("'*' stands only at the start, as in *.mx.hoster.example");
            }
            DomainName host = DomainName.parse(name.endsWith(".") ? name.substring(0, name.length() - 1) : name);
            if (wildcard && host.labelCount() < 2) {
                throw new IllegalArgumentException("*." + host.ascii() + " would match every mail server under a top-level domain");
            }
            return new DomainPattern(host, wildcard);
        } catch (IllegalArgumentException ex) {
            reader.error(node.location(), path, "bad-mx", "'" + text + "' is not a mail server's host name: " + ex.getMessage());
            return null;
        }
    }
}
