package org.mailautoconf.registry.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a file of at most {@link #MAX_BYTES}. The caller refuses a file whose stat already says
 * it is larger, so a 300 MB file is never read; this stops a file that grows after that stat at
 * the limit, so no more than the limit is ever held in memory.
 */
final class BoundedRead {

    /**
     * SnakeYAML's own document limit is 3 Mi code points; a provider file is a few hundred bytes,
     * a large one a few KB. At most that many UTF-8 bytes are at most that many code points.
     */
    static final int MAX_BYTES = 3 << 20;

    private BoundedRead() {
    }

    /** The file is larger than the limit (it grew since its size was checked). */
    static final class TooLarge extends IOException {
        TooLarge() {
            super(null, null);
        }
    }

    /**
     * @throws TooLarge when the file holds more than {@code limit} bytes; only {@code limit + 1}
     *                  of them were read
     */
    static byte[] read(Path path, int limit) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw new TooLarge();
            }
            return bytes;
        }
    }

    /** The problem of a file larger than {@link #MAX_BYTES}; {@code size} when its stat said so. */
    static Problem tooLarge(String name, long size) {
        return Problem.error(new Location(name, 1, 1), "", "file-too-large", "the file has "
                + (size > MAX_BYTES ? size + " bytes" : "more than " + MAX_BYTES + " bytes")
                + "; a provider file may have at most " + MAX_BYTES + " (3 MiB), so it was not read");
    }
}
