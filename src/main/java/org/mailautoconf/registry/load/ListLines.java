package org.mailautoconf.registry.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * Reads a domain list in stretches of lines cut where the content says (content-defined
 * chunks, as rsync and backup tools cut files): a stretch ends after a line whose hash has its
 * low six bits zero (64 lines on average), or after {@link #MAX_LINES}. An edit of a few lines
 * changes only the stretches they fall in; every other stretch has the same bytes and the same
 * hash in the old and the new file, wherever it moved. Each stretch goes to the caller whole,
 * with a 64-bit hash of its lines; the whole file's CRC32C is kept as its checksum.
 */
final class ListLines {

    /** The longest line kept: a longer one cannot be a domain name and is reported as such. */
    static final int MAX_LINE = 1024;
    private static final int MAX_LINES = 1024;
    private static final long CUT_MASK = 63;

    /** Receives each stretch: its lines are {@code lens[i]} bytes at {@code starts[i]} of {@code buf} ({@code -1}: too long). */
    interface Stretch {
        void lines(long hash, int firstLine, byte[] buf, int[] starts, int[] lens, int count);
    }

    private byte[] buf = new byte[MAX_LINES * 32];
    private final int[] starts = new int[MAX_LINES];
    private final int[] lens = new int[MAX_LINES];
    private int count;
    private int used;
    private long hash = 1;
    private int firstLine = 1;

    /** @return the file's checksum: its CRC32C, with its length in the high bits */
    static long scan(Path file, Stretch to) throws IOException {
        return new ListLines().run(file, to);
    }

    private long run(Path file, Stretch to) throws IOException {
        CRC32C crc = new CRC32C();
        long bytes = 0;
        int len = 0;
        boolean overlong = false;
        long lineHash = 0xcbf29ce484222325L;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] chunk = new byte[1 << 16];
            for (int n; (n = in.read(chunk)) > 0; ) {
                crc.update(chunk, 0, n);
                bytes += n;
                for (int i = 0; i < n; i++) {
                    byte c = chunk[i];
                    if (c == '\n') {
                        endLine(overlong ? -1 : len, lineHash, to);
                        len = 0;
                        overlong = false;
                        lineHash = 0xcbf29ce484222325L;
                        continue;
                    }
                    lineHash = (lineHash ^ (c & 0xff)) * 0x100000001b3L;
                    if (len < MAX_LINE) {
                        if (used + len >= buf.length) {
                            buf = java.util.Arrays.copyOf(buf, buf.length * 2);
                        }
                        buf[used + len++] = c;
                    } else {
                        overlong = true;
                    }
                }
            }
        }
        if (len > 0 || overlong) {
            endLine(overlong ? -1 : len, lineHash, to);
        }
        if (count > 0) {
            flush(to);
        }
        return checksum(crc, bytes);
    }

    private void endLine(int len, long lineHash, Stretch to) {
        starts[count] = used;
        lens[count] = len;
        count++;
        used += Math.max(len, 0);
        hash = (hash * 0x9E3779B97F4A7C15L) ^ lineHash ^ (len < 0 ? 0x5bd1e995L : 0);
        if ((lineHash & CUT_MASK) == 0 || count == MAX_LINES) {
            flush(to);
        }
    }

    private void flush(Stretch to) {
        to.lines(hash, firstLine, buf, starts, lens, count);
        firstLine += count;
        count = 0;
        used = 0;
        hash = 1;
    }

    /** A list's checksum: the CRC32C of its bytes, with their count in the high half. */
    static long checksum(CRC32C crc, long bytes) {
        return crc.getValue() ^ (bytes << 32);
    }
}
