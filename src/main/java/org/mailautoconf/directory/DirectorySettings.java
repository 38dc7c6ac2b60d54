package org.mailautoconf.directory;

import java.time.Duration;
import java.util.Map;

/**
 * A directories file: the sources by name, how long a lookup may take before the template answer
 * is sent instead, and how long a directory-backed answer is kept per address.
 */
public record DirectorySettings(Duration timeout, Duration cacheFor, int lookupsPerMinute,
        Map<String, SourceSettings> sources) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(1);
    public static final Duration DEFAULT_CACHE = Duration.ofMinutes(5);
    public static final int DEFAULT_LOOKUPS_PER_MINUTE = 60;

    public static final DirectorySettings NONE = new DirectorySettings(DEFAULT_TIMEOUT, DEFAULT_CACHE,
            DEFAULT_LOOKUPS_PER_MINUTE, Map.of());

    public DirectorySettings {
        sources = Map.copyOf(sources);
    }
}
