package org.mailautoconf.check;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads one HTTP/1.1 response: status line, headers, and a body by length, in chunks, or to the end. */
final class HttpReading {

    /** The bytes are not an HTTP response. */
    static final class Malformed extends IOException {
        Malformed(String message) {
            super(message);
        }
    }

    private HttpReading() {
    }

    static HttpAnswer read(InputStream raw, long deadline, int maxBody, Optional<X509Certificate> certificate) throws IOException {
        Bounded in = new Bounded(raw, deadline, maxBody + 64 * 1024);
        String status = line(in);
        if (!status.startsWith("HTTP/1.") || status.length() < 12) {
            throw new Malformed("not an HTTP response: " + (status.length() > 40 ? status.substring(0, 40) + "…" : status));
        }
        int code;
        try {
            code = Integer.parseInt(status.substring(9, 12));
        } catch (NumberFormatException e) {
            throw new Malformed("not an HTTP status line: " + status);
        }
        Map<String, String> headers = new HashMap<>();
        for (String h = line(in); !h.isEmpty(); h = line(in)) {
            int colon = h.indexOf(':');
            if (colon > 0) {
                headers.put(h.substring(0, colon).strip().toLowerCase(Locale.ROOT), h.substring(colon + 1).strip());
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if ("chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", ""))) {
            for (int size = chunkSize(line(in)); size > 0; size = chunkSize(line(in))) {
                copy(in, body, size);
                line(in);
            }
        } else if (headers.containsKey("content-length")) {
            copy(in, body, Integer.parseInt(headers.get("content-length")));
        } else if (code != 204 && code != 304) {
            for (int b = in.read(); b >= 0; b = in.read()) {
                body.write(b);
            }
        }
        if (body.size() > maxBody) {
            throw new Malformed("a body of more than " + maxBody + " bytes");
        }
        return new HttpAnswer(code, headers, body.toByteArray(), certificate);
    }

    private static int chunkSize(String line) throws Malformed {
        try {
            int semi = line.indexOf(';');
            return Integer.parseInt((semi >= 0 ? line.substring(0, semi) : line).strip(), 16);
        } catch (NumberFormatException e) {
            throw new Malformed("a bad chunk size: " + line);
        }
    }

    private static void copy(Bounded in, ByteArrayOutputStream out, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            int b = in.read();
            if (b < 0) {
                throw new Malformed("the body ended early");
            }
            out.write(b);
        }
    }

    private static String line(Bounded in) throws IOException {
        StringBuilder s = new StringBuilder();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                s.append((char) b);
            }
            if (s.length() > 8192) {
                throw new Malformed("a header line longer than 8 KiB");
            }
        }
        return s.toString();
    }

    /** Buffered, byte-counted reads that stop at the deadline. */
    private static final class Bounded {
        private final InputStream in;
        private final long deadline;
        private final long max;
        private final byte[] buffer = new byte[8192];
        private int pos;
        private int len;
        private long total;

        Bounded(InputStream in, long deadline, long max) {
            this.in = in;
            this.deadline = deadline;
            this.max = max;
        }

        int read() throws IOException {
            if (pos == len) {
                if (System.nanoTime() > deadline) {
                    throw new java.net.SocketTimeoutException("deadline passed");
                }
                len = in.read(buffer);
                pos = 0;
                if (len <= 0) {
                    len = 0;
                    return -1;
                }
                total += len;
                if (total > max) {
                    throw new Malformed("more than " + max + " bytes");
                }
            }
            return buffer[pos++] & 0xff;
        }
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
