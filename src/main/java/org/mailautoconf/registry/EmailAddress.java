package org.mailautoconf.registry;

/**
 * An e-mail address as a client sends it: a local part, kept as typed (local parts are
 * case-sensitive), and a normalised {@link DomainName}.
 */
public record EmailAddress(String localPart, DomainName domain) {

    public static final int MAX_LOCAL_PART = 64;

    public EmailAddress {
        if (localPart == null || localPart.isEmpty()) {
            throw new IllegalArgumentException("the part before '@' is empty");
        }
        checkCharacters(localPart);
    }

    /**
     * Refuses what no answer format can carry, and white space, which no real address has: an
     * address we cannot write back is refused here, at parse, before it reaches a renderer or a cache.
     */
    private static void checkCharacters(String local) {
        for (int i = 0; i < local.length(); ) {
            int cp = local.codePointAt(i);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.isISOControl(cp)) {
                throw new IllegalArgumentException("an address has no spaces or control characters");
            }
            if (!writable(cp)) {
                throw new IllegalArgumentException("an address has no unpaired surrogates or Unicode noncharacters (such as U+FFFE)");
            }
            i += Character.charCount(cp);
        }
    }

    /**
     * True for a code point every answer format can carry: XML 1.0 (autoconfig, Outlook, plist
     * profiles, the setup page) has no C0 controls but tab and line breaks, no unpaired surrogates,
     * no U+FFFE or U+FFFF; UTF-8 (every format, JSON too) cannot encode an unpaired surrogate.
     * C1 controls and the other noncharacters are allowed by XML but meaningless, and go too.
     */
    public static boolean writable(int cp) {
        return !Character.isISOControl(cp) && Character.getType(cp) != Character.SURROGATE
                && (cp & 0xFFFE) != 0xFFFE && !(cp >= 0xFDD0 && cp <= 0xFDEF);
    }

    /**
     * Parses {@code local@domain}; rejects whitespace, control characters, code points no answer
     * format can carry, and a second '@'.
     */
    public static EmailAddress parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the address is empty");
        }
        String address = text.strip();
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1) {
            throw new IllegalArgumentException("an address looks like name@example.org");
        }
        String local = address.substring(0, at);
        if (local.indexOf('@') >= 0) {
            throw new IllegalArgumentException("an address has one '@'");
        }
        if (local.length() > MAX_LOCAL_PART) {
            throw new IllegalArgumentException("the part before '@' has at most 64 characters");
        }
        return new EmailAddress(local, DomainName.parse(address.substring(at + 1)));
    }

    /** The address with the domain in ASCII form: what login names and caches use. */
    @Override
    public String toString() {
        return localPart + "@" + domain.ascii();
    }
}
