package org.mailautoconf.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.CRC32C;
import org.mailautoconf.format.autodiscover.RequestReader;

/**
 * Autodiscover request bodies already read, by their exact bytes and charset: a client asks
 * with the same document again and again (Outlook on every start and every hour), and the XML
 * parse was about 40 % of the CPU of an answer (JFR, bench/README.md). The reader is a pure
 * function of the bytes and the charset, and its results are immutable records, so a stored
 * result is exactly what reading again would give. Bounded by the bytes the keys hold.
 */
final class AutodiscoverBodies {

    /** Keys and results of at most this many body bytes are kept: a few thousand clients' documents. */
    static final long MAX_WEIGHT = 4L * 1024 * 1024;
    /** What an entry costs beside its body: key, result and the cache's node. */
    private static final int ENTRY_OVERHEAD = 256;

    private final RequestReader reader = new RequestReader();
    private final Cache<Body, RequestReader.Result> read = Caffeine.newBuilder()
            .executor(Runnable::run) // its upkeep on the event loop, not a woken thread: Answers says why
            .maximumWeight(MAX_WEIGHT)
            .weigher((Body body, RequestReader.Result result) -> body.bytes.length + ENTRY_OVERHEAD)
            .build();

    /** What {@link RequestReader#read} gives for these bytes and charset; read once per distinct body. */
    RequestReader.Result read(byte[] bytes, Optional<String> charset) {
        if (bytes.length > RequestReader.MAX_BYTES) {
            return reader.read(bytes, charset);
        }
        return read.get(new Body(bytes, charset.orElse(null)), b -> reader.read(b.bytes, Optional.ofNullable(b.charset)));
    }

    /** The exact bytes (a copy no one else holds) and the Content-Type's charset parameter, as sent. */
    private static final class Body {
        final byte[] bytes;
        final String charset;
        private final int hash;

        Body(byte[] bytes, String charset) {
            this.bytes = bytes;
            this.charset = charset;
            // CRC32C runs on the CPU's own instruction; Arrays.hashCode, a byte at a time, was a
            // tenth of the handler's samples (JFR).
            CRC32C crc = new CRC32C();
            crc.update(bytes);
            this.hash = 31 * (int) crc.getValue() + (charset == null ? 0 : charset.hashCode());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Body b && hash == b.hash && Arrays.equals(bytes, b.bytes)
                    && (charset == null ? b.charset == null : charset.equals(b.charset));
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
