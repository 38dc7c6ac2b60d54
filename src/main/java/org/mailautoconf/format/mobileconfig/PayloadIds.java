package org.mailautoconf.format.mobileconfig;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.EmailAddress;
import org.mailautoconf.registry.Provider;

/**
 * The identities of one profile and its payloads, derived from the provider and the address
 * only. A device replaces an installed profile whose top-level {@code PayloadIdentifier} equals
 * the new one's and updates payloads whose identifier and UUID match, so: the same mailbox gets
 * the same identities every time (installing again replaces, never duplicates), and two
 * mailboxes of one provider get different ones (the second never replaces the first).
 */
final class PayloadIds {

    /** The UUIDv5 namespace of this service's profiles; any fixed value would do, this one must never change. */
    private static final UUID NAMESPACE = UUID.fromString("6f1c3c2e-5d0a-4a47-9a51-3b0e8d4f7a21");

    private final String seed;
    private final String identifierBase;

    /**
     * @param asked the domain the profile was asked for; stands in for the address when there is none
     */
    PayloadIds(Provider provider, DomainName asked, Optional<EmailAddress> address) {
        this.seed = provider.id() + "\n" + address.map(EmailAddress::toString).orElse("@" + asked.ascii());
        String reverseDns = provider.primaryDomain().map(d -> reverse(d.ascii())).orElse("org.mailautoconf." + provider.id());
        // The address itself stays out of the identifier (it may hold any character); its UUID is unique enough.
        this.identifierBase = reverseDns + ".mailautoconf." + uuid("profile").toLowerCase(Locale.ROOT);
    }

    String profileIdentifier() {
        return identifierBase;
    }

    /** The identifier of one payload of the profile, unique within it. */
    String identifier(String payloadKind) {
        return identifierBase + "." + payloadKind;
    }

    /** A name-based (version 5) UUID of provider, address and payload kind, upper case as Apple writes them. */
    String uuid(String payloadKind) {
        return uuidV5(NAMESPACE, seed + "\n" + payloadKind).toString().toUpperCase(Locale.ROOT);
    }

    /** RFC 4122 section 4.3 with SHA-1; the JDK has only the MD5 variant (version 3). */
    static UUID uuidV5(UUID namespace, String name) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        ByteBuffer ns = ByteBuffer.allocate(16).putLong(namespace.getMostSignificantBits()).putLong(namespace.getLeastSignificantBits());
        sha1.update(ns.array());
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer b = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(b.getLong(), b.getLong());
    }

    private static String reverse(String domain) {
        String[] labels = domain.split("\\.");
        StringBuilder out = new StringBuilder(domain.length());
        for (int i = labels.length - 1; i >= 0; i--) {
            out.append(labels[i]);
            if (i > 0) {
                out.append('.');
            }
        }
        return out.toString();
    }
}
