package org.mailautoconf.registry;

import com.ibm.icu.text.IDNA;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * A DNS domain name, normalised: lower case, no trailing dot, kept both as ASCII (punycode)
 * and as Unicode so that {@code città.it} and {@code xn--citt-3qa.it} are the same name.
 *
 * <p>International names are mapped as UTS #46 non-transitional processing (IDNA 2008) does, the
 * way Thunderbird, browsers (the WHATWG URL standard) and Apple resolve them: {@code faß.de} is
 * {@code xn--fa-hia.de}, not IDNA 2003's {@code fass.de}, another domain with other servers.
 */
public record DomainName(String ascii, String unicode) implements Comparable<DomainName> {

    /**
     * The WHATWG URL standard's "domain to ASCII": non-transitional, CheckBidi and CheckJoiners on,
     * so that what a mail client's address bar or DNS lookup reaches is what we answer for. Like
     * the URL standard, neither UseSTD3ASCIIRules nor CheckHyphens: {@link #checkLabels} applies
     * the host-name rule (letters, digits, '-') to the ASCII result and says so in words; ICU's
     * "--" in the third and fourth place is ignored as browsers ignore it. CONTEXTO is optional for
     * lookups (RFC 5891 §5.4) and browsers skip it. Immutable and thread-safe.
     */
    private static final IDNA UTS46 = IDNA.getUTS46Instance(IDNA.NONTRANSITIONAL_TO_ASCII | IDNA.NONTRANSITIONAL_TO_UNICODE
            | IDNA.CHECK_BIDI | IDNA.CHECK_CONTEXTJ);

    /**
     * What {@link #checkLabels} reports in its own words on the ASCII form, or what the URL
     * standard does not check ("--" in the third and fourth place). A '-' at either end of a
     * Unicode label stays an error: its punycode form hides it from the ASCII check.
     */
    private static final Set<IDNA.Error> LEFT_TO_LABEL_CHECKS = EnumSet.of(IDNA.Error.EMPTY_LABEL, IDNA.Error.LABEL_TOO_LONG,
            IDNA.Error.DOMAIN_NAME_TOO_LONG, IDNA.Error.HYPHEN_3_4);

    public DomainName {
        if (ascii == null || ascii.isEmpty()) {
            throw new IllegalArgumentException("domain name must not be empty");
        }
    }

    /** Parses a host or domain name as a person or a client writes it. */
    public static DomainName parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("domain name is missing");
        }
        String name = text.strip();
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.isEmpty()) {
            throw new IllegalArgumentException("domain name is empty");
        }
        if (name.length() > 253 * 4) {
            throw new IllegalArgumentException("domain name is too long");
        }
        String lower = isAscii(name) ? name.toLowerCase(Locale.ROOT) : null;
        // The common case, and on every request: plain ASCII needs no mapping, the checks below
        // suffice. An ASCII name with a punycode label still goes through UTS #46, which checks it.
        String ascii = lower != null && !lower.contains("xn--") ? lower : toAscii(name);
        if (ascii.endsWith(".")) {
            // A root dot written as an ideographic or full-width full stop, mapped to '.' only now.
            ascii = ascii.substring(0, ascii.length() - 1);
        }
        if (ascii.isEmpty() || ascii.length() > 253) {
            throw new IllegalArgumentException("a domain name has 1 to 253 characters");
        }
        checkLabels(ascii);
        String unicode = ascii.contains("xn--") ? UTS46.nameToUnicode(ascii, new StringBuilder(), new IDNA.Info()).toString() : ascii;
        return new DomainName(ascii, unicode);
    }

    private static String toAscii(String name) {
        IDNA.Info info = new IDNA.Info();
        String ascii = UTS46.nameToASCII(name, new StringBuilder(name.length() + 8), info).toString();
        Set<IDNA.Error> errors = EnumSet.noneOf(IDNA.Error.class);
        errors.addAll(info.getErrors());
        errors.removeAll(LEFT_TO_LABEL_CHECKS);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("not a valid international domain name (IDNA 2008): " + reason(errors.iterator().next()));
        }
        return ascii.toLowerCase(Locale.ROOT);
    }

    private static String reason(IDNA.Error error) {
        return switch (error) {
            case DISALLOWED -> "it has a character that domain names may not contain";
            case PUNYCODE, INVALID_ACE_LABEL -> "a label starting with xn-- is not valid punycode";
            case LEADING_HYPHEN, TRAILING_HYPHEN -> "a label of a domain name neither starts nor ends with '-'";
            case LEADING_COMBINING_MARK -> "a label starts with a combining mark";
            case LABEL_HAS_DOT -> "a label has a character that stands for a dot";
            case BIDI -> "it mixes right-to-left and left-to-right text in a way RFC 5893 forbids";
            case CONTEXTJ -> "a zero-width joiner or non-joiner stands where RFC 5892 does not allow it";
            default -> error.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }

    /** Walks the labels in place: this runs on every request, and a split would allocate each label. */
    private static void checkLabels(String ascii) {
        int start = 0;
        for (int i = 0; i <= ascii.length(); i++) {
            char c = i < ascii.length() ? ascii.charAt(i) : '.';
            if (c == '.') {
                int length = i - start;
                if (length == 0) {
                    throw new IllegalArgumentException("a domain name has no empty labels (\"..\")");
                }
                if (length > 63) {
                    throw new IllegalArgumentException("a label of a domain name has at most 63 characters");
                }
                if (ascii.charAt(start) == '-' || ascii.charAt(i - 1) == '-') {
                    throw new IllegalArgumentException("a label of a domain name neither starts nor ends with '-'");
                }
                start = i + 1;
            } else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
                throw new IllegalArgumentException("a domain name has only letters, digits, '-' and '.'");
            }
        }
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** The name one label up ({@code a.b.c} → {@code b.c}), or null at the top. */
    public DomainName parent() {
        int dot = ascii.indexOf('.');
        if (dot < 0) {
            return null;
        }
        return new DomainName(ascii.substring(dot + 1), unicode.substring(unicode.indexOf('.') + 1));
    }

    public int labelCount() {
        return (int) ascii.chars().filter(c -> c == '.').count() + 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DomainName other && ascii.equals(other.ascii);
    }

    @Override
    public int hashCode() {
        return ascii.hashCode();
    }

    @Override
    public int compareTo(DomainName o) {
        return ascii.compareTo(o.ascii);
    }

    @Override
    public String toString() {
        return ascii;
    }
}
