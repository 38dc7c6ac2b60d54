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
    }

    /** Parses {@code local@domain}; rejects whitespace, control characters and a second '@'. */
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
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw new IllegalArgumentException("an address has no spaces or control characters");
            }
        }
        return new EmailAddress(local, DomainName.parse(address.substring(at + 1)));
    }

    /** The address with the domain in ASCII form: what login names and caches use. */
    @Override
    public String toString() {
        return localPart + "@" + domain.ascii();
    }
}
