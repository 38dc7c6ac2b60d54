package org.mailautoconf.registry;

import java.net.IDN;
import java.util.Locale;

/**
 * A DNS domain name, normalised: lower case, no trailing dot, kept both as ASCII (punycode)
 * and as Unicode so that {@code città.it} and {@code xn--citt-3qa.it} are the same name.
 */
public record DomainName(String ascii, String unicode) implements Comparable<DomainName> {

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
        String ascii;
        if (isAscii(name)) {
            // The common case, and on every request: no IDN conversion needed, the checks below suffice.
            ascii = name.toLowerCase(Locale.ROOT);
        } else {
            try {
                // Without USE_STD3_ASCII_RULES: the label checks below say the same in words a person
                // understands, where the JDK says "Contains non-LDH ASCII characters".
                ascii = IDN.toASCII(name, 0).toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("not a valid domain name: " + e.getMessage());
            }
        }
        if (ascii.isEmpty() || ascii.length() > 253) {
            throw new IllegalArgumentException("a domain name has 1 to 253 characters");
        }
        checkLabels(ascii);
        String unicode = ascii.contains("xn--") ? IDN.toUnicode(ascii, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT) : ascii;
        return new DomainName(ascii, unicode);
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
