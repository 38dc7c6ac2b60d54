package org.mailautoconf.check;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The SHA-256 digests a {@code _ua-auto-config} TXT RRset publishes, read as PACC clients read
 * them (formats.md G.7; pimalaya's reader): each record's strings joined without a separator,
 * tags {@code name=value} split at {@code ;} in any order and spacing, names and the {@code v}
 * and {@code a} values case-insensitive, unknown tags ignored. A record that is not
 * {@code v=UAAC1; a=sha256} with a base64 {@code d} is skipped (and named, so the admin sees it).
 */
record PaccDigests(List<byte[]> digests, List<String> skipped) {

    PaccDigests {
        digests = List.copyOf(digests);
        skipped = List.copyOf(skipped);
    }

    /** @param records each TXT record's character-strings, in order */
    static PaccDigests read(List<List<String>> records) {
        List<byte[]> digests = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (List<String> strings : records) {
            String text = String.join("", strings);
            Optional<byte[]> d = digest(text);
            if (d.isPresent()) {
                digests.add(d.get());
            } else {
                skipped.add(text);
            }
        }
        return new PaccDigests(digests, skipped);
    }

    private static Optional<byte[]> digest(String text) {
        String v = null;
        String a = null;
        String d = null;
        for (String tag : text.split(";")) {
            int eq = tag.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String name = tag.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = tag.substring(eq + 1).trim();
            switch (name) {
                case "v" -> v = value;
                case "a" -> a = value;
                case "d" -> d = value;
                default -> { }
            }
        }
        if (!"UAAC1".equalsIgnoreCase(v) || !"sha256".equalsIgnoreCase(a) || d == null) {
            return Optional.empty();
        }
        try {
            byte[] digest = Base64.getDecoder().decode(d);
            return digest.length == 32 ? Optional.of(digest) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    boolean contains(byte[] digest) {
        return digests.stream().anyMatch(x -> MessageDigest.isEqual(x, digest));
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    static String base64(byte[] digest) {
        return Base64.getEncoder().encodeToString(digest);
    }
}
