package org.mailautoconf.check;

import java.util.List;
import java.util.Optional;

/**
 * What a client would configure, read from any answer format, so that the live answer and this
 * registry's can be compared by meaning rather than by bytes: the servers in order, with host,
 * port, the answer's own words for security, and the login name (placeholders filled for the
 * address asked).
 */
public record Settings(List<Endpoint> incoming, List<Endpoint> outgoing) {

    public record Endpoint(String protocol, String host, int port, String security, String username) {
        @Override
        public String toString() {
            return protocol + " " + host + ":" + port + " " + security + (username.isEmpty() ? "" : " user " + username);
        }
    }

    public Settings {
        incoming = List.copyOf(incoming);
        outgoing = List.copyOf(outgoing);
    }

    /** The first difference from {@code expected}, in words; empty when they mean the same. */
    public Optional<String> differenceFrom(Settings expected) {
        Optional<String> in = difference("incoming", incoming, expected.incoming);
        return in.isPresent() ? in : difference("outgoing", outgoing, expected.outgoing);
    }

    private static Optional<String> difference(String what, List<Endpoint> got, List<Endpoint> expected) {
        for (int i = 0; i < Math.max(got.size(), expected.size()); i++) {
            String g = i < got.size() ? got.get(i).toString() : "nothing";
            String e = i < expected.size() ? expected.get(i).toString() : "nothing";
            if (!g.equalsIgnoreCase(e)) {
                return Optional.of(what + " server " + (i + 1) + " is " + g + ", this registry says " + e);
            }
        }
        return Optional.empty();
    }
}
