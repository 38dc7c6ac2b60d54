package org.mailautoconf.answer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.EmailAddress;
import org.mailautoconf.registry.Provider;

/**
 * A provider's answer for one domain, rendered once with a stand-in local part, kept as the
 * byte runs between the places where the local part goes. An answer for an address is then
 * those runs with the address's local part between them: copies, not a new document.
 *
 * <p>Whether a format can be prepared this way is tested, not assumed: it is rendered with two
 * different stand-ins, and only when splicing the second into the runs of the first gives the
 * second's exact bytes is the preparation used (a format that hashes the address into an id,
 * like Apple's profile UUIDs, fails this and is rendered whole per address).
 */
final class PreparedAnswer {

    private static final String MARKER_A = "mailautoconf0localpart0a";
    private static final String MARKER_B = "mailautoconf0localpart0b";

    private final Answer template;
    private final byte[][] runs;
    private final int runsLength;

    private PreparedAnswer(Answer template, byte[][] runs) {
        this.template = template;
        this.runs = runs;
        this.runsLength = Arrays.stream(runs).mapToInt(r -> r.length).sum();
    }

    /** The prepared answer, or empty when this format's answers cannot be spliced. */
    static Optional<PreparedAnswer> prepare(FormatRenderer renderer, Provider provider, DomainName domain) {
        Answer a = renderer.render(provider, domain, Optional.of(new EmailAddress(MARKER_A, domain)));
        Answer b = renderer.render(provider, domain, Optional.of(new EmailAddress(MARKER_B, domain)));
        if (a.status() != b.status() || !a.contentType().equals(b.contentType()) || !a.headers().equals(b.headers())) {
            return Optional.empty();
        }
        PreparedAnswer prepared = new PreparedAnswer(a, split(a.body(), MARKER_A.getBytes(StandardCharsets.UTF_8)));
        if (!Arrays.equals(prepared.spliceBytes(MARKER_B), b.body())) {
            return Optional.empty();
        }
        return Optional.of(prepared);
    }

    /**
     * True for local parts that every XML-based format writes unchanged (no character that XML
     * escapes); others are rendered whole so that the format's own library escapes them.
     */
    static boolean canSplice(String localPart) {
        for (int i = 0; i < localPart.length(); i++) {
            char c = localPart.charAt(i);
            if (c == '&' || c == '<' || c == '>' || c == '"' || c == '\'' || c < 0x20) {
                return false;
            }
        }
        return true;
    }

    Answer splice(String localPart) {
        byte[] body = spliceBytes(localPart);
        return new Answer(template.status(), body, template.contentType(), Answer.etagOf(body), template.headers());
    }

    private byte[] spliceBytes(String localPart) {
        byte[] value = localPart.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[runsLength + value.length * (runs.length - 1)];
        int at = 0;
        for (int i = 0; i < runs.length; i++) {
            if (i > 0) {
                System.arraycopy(value, 0, out, at, value.length);
                at += value.length;
            }
            System.arraycopy(runs[i], 0, out, at, runs[i].length);
            at += runs[i].length;
        }
        return out;
    }

    int weight() {
        return runsLength + 64 * runs.length;
    }

    private static byte[][] split(byte[] body, byte[] marker) {
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= body.length - marker.length; ) {
            if (Arrays.equals(body, i, i + marker.length, marker, 0, marker.length)) {
                out.add(Arrays.copyOfRange(body, start, i));
                i += marker.length;
                start = i;
            } else {
                i++;
            }
        }
        out.add(Arrays.copyOfRange(body, start, body.length));
        return out.toArray(new byte[0][]);
    }
}
