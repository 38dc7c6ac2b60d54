package org.mailautoconf.registry;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * How the setup page presents a provider: the name people know it by and its logo
 * ({@code branding:} in the provider file, docs/providers.md). Both are optional; the file
 * gives at least one.
 *
 * @param name the name shown beside the logo and used as its text alternative; empty when the
 *             file gives none (the provider's {@code name} is used)
 * @param logo the logo as read and checked when the registry was loaded
 */
public record Branding(LocalizedText name, Optional<Logo> logo) {

    /** The image formats a logo may have, recognised by content, never by the file name. */
    public enum ImageType {
        PNG("image/png"),
        SVG("image/svg+xml");

        private final String mediaType;

        ImageType(String mediaType) {
            this.mediaType = mediaType;
        }

        public String mediaType() {
            return mediaType;
        }
    }

    /**
     * A logo's bytes, read once at load: a reload reads the file again, so a replaced logo is
     * served from the registry that saw it, never half-written from disk.
     *
     * @param file   the path as the provider file writes it, relative to {@code providers.d}
     * @param sha256 the bytes' SHA-256 in hex, for the ETag and the version hash
     */
    public record Logo(String file, ImageType type, byte[] bytes, String sha256) {

        /** {@code sha256} is derived from the bytes: null to have it computed, else it must be theirs. */
        public Logo {
            bytes = bytes.clone();
            String digest;
            try {
                digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            if (sha256 != null && !sha256.equals(digest)) {
                throw new IllegalArgumentException("the SHA-256 given is not that of the logo's bytes");
            }
            sha256 = digest;
        }

        public static Logo of(String file, ImageType type, byte[] bytes) {
            return new Logo(file, type, bytes, null);
        }

        /** A copy: the registry is immutable. */
        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        public int size() {
            return bytes.length;
        }

        /** A strong validator: the same bytes give the same tag on every replica. */
        public String etag() {
            return "\"" + sha256.substring(0, 32) + "\"";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Logo l && file.equals(l.file) && type == l.type && Arrays.equals(bytes, l.bytes);
        }

        @Override
        public int hashCode() {
            return sha256.hashCode();
        }

        @Override
        public String toString() {
            return "Logo[" + file + ", " + type + ", " + bytes.length + " bytes, sha256=" + sha256 + "]";
        }
    }
}
