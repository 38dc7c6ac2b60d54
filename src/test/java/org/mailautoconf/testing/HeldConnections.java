package org.mailautoconf.testing;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Many client connections to a loopback port, held by one thread with a selector, as an
 * attacker holds them: silent, or sending a few bytes now and then. Records when the server
 * closed each one.
 */
public final class HeldConnections implements AutoCloseable {

    /** One held connection. {@code since}: when what it waits for began (its connect, its head, its answer). */
    public static final class Held {
        public final String kind;
        final SocketChannel channel;
        final byte[] trickle;
        public final long since;
        /** {@link System#nanoTime()} when the server closed it; 0 while open. */
        public volatile long closedAt;
        /** The first bytes the server sent, as text. */
        public final StringBuilder received = new StringBuilder();

        Held(String kind, SocketChannel channel, byte[] trickle, long since) {
            this.kind = kind;
            this.channel = channel;
            this.trickle = trickle;
            this.since = since;
        }

        public Duration heldFor() {
            return Duration.ofNanos(closedAt - since);
        }
    }

    private final int port;
    private final Selector selector;
    private final List<Held> all = new ArrayList<>();
    private final ByteBuffer sink = ByteBuffer.allocate(4096);
    private long lastTrickle = System.nanoTime();

    public HeldConnections(int port) {
        this.port = port;
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Connects, sends {@code first}, then {@code trickle} at every {@link #poll}, at most every
     * 300 ms. Null when the connect did not complete within {@code connectTimeout} (the server's
     * backlog is full).
     */
    public Held open(String kind, String first, String trickle, Duration connectTimeout) throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            channel.socket().connect(new InetSocketAddress("127.0.0.1", port), (int) connectTimeout.toMillis());
        } catch (IOException e) {
            channel.close();
            return null;
        }
        if (!first.isEmpty()) {
            channel.write(ByteBuffer.wrap(first.getBytes(US_ASCII)));
        }
        Held held = register(new Held(kind, channel, trickle == null ? null : trickle.getBytes(US_ASCII), System.nanoTime()));
        pollNow();
        return held;
    }

    /** A connection that asked {@code request} and read its whole answer, then holds the connection open (keep-alive). */
    public Held afterOneAnswer(String kind, String request) throws IOException {
        SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
        Socket socket = channel.socket();
        socket.setSoTimeout(5_000);
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(US_ASCII));
        out.flush();
        String head = readAnswer(socket.getInputStream());
        if (!head.startsWith("HTTP/1.1 200")) {
            throw new AssertionError("expected 200, got " + head);
        }
        Held held = register(new Held(kind, channel, null, System.nanoTime()));
        pollNow();
        return held;
    }

    private Held register(Held held) throws IOException {
        held.channel.configureBlocking(false);
        held.channel.register(selector, SelectionKey.OP_READ, held);
        all.add(held);
        return held;
    }

    /** Reads one answer's head, up to its empty line, from a blocking stream. */
    public static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed before the answer's head was complete: " + head.toString(US_ASCII));
            }
            head.write(b);
        }
        return head.toString(US_ASCII);
    }

    /** Reads one answer with a Content-Length from a blocking stream; returns its head. */
    public static String readAnswer(InputStream in) throws IOException {
        String text = readHead(in);
        int length = 0;
        for (String line : text.split("\r\n")) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Integer.parseInt(line.substring(15).strip());
            }
        }
        in.readNBytes(length);
        return text;
    }

    /** Sees closes and sends the trickles, for up to {@code time}. */
    public void poll(Duration time) throws IOException {
        long end = System.nanoTime() + time.toNanos();
        for (long left = time.toMillis(); left > 0; left = (end - System.nanoTime()) / 1_000_000) {
            selector.select(Math.min(left, 50));
            seen();
        }
    }

    /** What has happened by now, without waiting: the test opens more while it holds these. */
    public void pollNow() throws IOException {
        selector.selectNow();
        seen();
    }

    private void seen() {
        long now = System.nanoTime();
        for (SelectionKey key : selector.selectedKeys()) {
            Held held = (Held) key.attachment();
            int n;
            try {
                sink.clear();
                n = held.channel.read(sink);
                if (n > 0 && held.received.length() < 1024) {
                    held.received.append(new String(sink.array(), 0, n, US_ASCII));
                }
            } catch (IOException e) {
                n = -1;
            }
            if (n < 0) {
                closed(held, key, now);
            }
        }
        selector.selectedKeys().clear();
        if (now - lastTrickle > 300_000_000L) {
            lastTrickle = now;
            trickle(now);
        }
    }

    private void trickle(long now) {
        for (Held held : all) {
            if (held.trickle != null && held.closedAt == 0) {
                try {
                    held.channel.write(ByteBuffer.wrap(held.trickle));
                } catch (IOException e) {
                    closed(held, held.channel.keyFor(selector), now);
                }
            }
        }
    }

    private static void closed(Held held, SelectionKey key, long now) {
        if (held.closedAt == 0) {
            held.closedAt = now;
        }
        if (key != null) {
            key.cancel();
        }
        try {
            held.channel.close();
        } catch (IOException e) {
            // closed either way
        }
    }

    public List<Held> all() {
        return all;
    }

    public long stillOpen() {
        return all.stream().filter(h -> h.closedAt == 0).count();
    }

    @Override
    public void close() throws IOException {
        for (Held held : all) {
            held.channel.close();
        }
        selector.close();
    }
}
