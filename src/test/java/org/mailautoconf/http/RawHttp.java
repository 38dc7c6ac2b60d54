package org.mailautoconf.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * HTTP/1.1 over a plain socket, for requests the JDK's client will not send (two Host lines, a
 * bad escape, an absolute-form target, control bytes) and to see exactly what comes back.
 */
final class RawHttp {

    /** What the server sent, as ISO-8859-1 text; {@code timedOut} when it went quiet without closing. */
    record Reply(String text, boolean timedOut) {

        int status() {
            if (!text.startsWith("HTTP/1.1 ")) {
                throw new AssertionError("no HTTP response" + (timedOut ? " (the server went quiet)" : "") + ": " + text);
            }
            return Integer.parseInt(text.substring(9, 12));
        }

        /** The header lines, lower-cased names, in the order sent. */
        String head() {
            int end = text.indexOf("\r\n\r\n");
            return end < 0 ? text : text.substring(0, end).toLowerCase(java.util.Locale.ROOT);
        }

        /** What follows the head. */
        String body() {
            int end = text.indexOf("\r\n\r\n");
            return end < 0 ? "" : text.substring(end + 4);
        }
    }

    private RawHttp() {
    }

    /**
     * Sends the request head (lines joined with CRLF, ended by an empty line, bytes as
     * ISO-8859-1) and reads until the server closes or is quiet for {@code quiet}. The request
     * should ask for {@code Connection: close} unless the test wants to see a hang.
     */
    static Reply exchange(int port, Duration quiet, String... headLines) {
        String head = String.join("\r\n", headLines) + "\r\n\r\n";
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout((int) quiet.toMillis());
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            boolean timedOut = false;
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    received.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException e) {
                timedOut = true;
            }
            return new Reply(received.toString(StandardCharsets.ISO_8859_1), timedOut);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Reply exchange(int port, String... headLines) {
        return exchange(port, Duration.ofSeconds(5), headLines);
    }
}
