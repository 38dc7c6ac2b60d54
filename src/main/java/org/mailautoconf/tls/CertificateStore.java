package org.mailautoconf.tls;

import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The certificates of one directory, kept in step with its files. A source that no longer
 * loads (bad key, expired, unreadable, key readable by everyone) is logged and its previous
 * certificate keeps serving; a source whose files are gone is dropped. Calls are serialised.
 */
final class CertificateStore {

    private static final Logger LOG = LoggerFactory.getLogger(CertificateStore.class);

    private final CertificateDirectory dir;
    private final Clock clock;
    private Map<String, CertifiedKey> loaded = Map.of();
    private String seenStamp;
    private String loadedStamp;

    CertificateStore(CertificateDirectory dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
    }

    synchronized List<CertifiedKey> certificates() {
        return List.copyOf(loaded.values());
    }

    /**
     * Loads the directory when its files changed and then stayed unchanged for one check, so a
     * file being written in place is not read half-way.
     *
     * @return whether anything was loaded
     */
    synchronized boolean checkForChanges() {
        String stamp;
        try {
            stamp = CertificateDirectory.stamp(dir.sources());
        } catch (IOException e) {
            return false;
        }
        if (!stamp.equals(seenStamp)) {
            seenStamp = stamp;
            return false;
        }
        if (stamp.equals(loadedStamp)) {
            return false;
        }
        load();
        return true;
    }

    /** Loads every source now. */
    synchronized void load() {
        List<CertificateDirectory.Source> sources;
        try {
            sources = dir.sources();
        } catch (IOException e) {
            LOG.error("certificate directory {} cannot be read ({}); keeping the {} certificates loaded before", dir.dir(),
                    e.getClass().getSimpleName(), loaded.size());
            return;
        }
        loadedStamp = CertificateDirectory.stamp(sources);
        seenStamp = loadedStamp;
        Map<String, CertifiedKey> next = new LinkedHashMap<>();
        for (CertificateDirectory.Source s : sources) {
            CertifiedKey before = loaded.get(s.label());
            try {
                CertifiedKey c = CertificateCheck.load(s, clock.instant());
                next.put(s.label(), c);
                if (before == null || !before.leaf().equals(c.leaf())) {
                    LOG.info("certificate {} loaded from {}: {}, valid until {}", s.label(), s.certificate(), describe(c.names()), c.notAfter());
                }
            } catch (CertificateCheck.Refused e) {
                if (before != null) {
                    next.put(s.label(), before);
                }
                LOG.error("certificate {} refused: {}; {}", s.label(), e.getMessage(),
                        before == null ? "nothing served from it" : "still serving the one loaded before, valid until " + before.notAfter());
            }
        }
        loaded.keySet().stream().filter(l -> !next.containsKey(l))
                .forEach(l -> LOG.info("certificate {} removed: its files are gone from {}", l, dir.dir()));
        loaded = next;
    }

    /** The first names and how many more: a certificate may name a hundred. */
    static String describe(List<String> names) {
        return names.size() <= 4 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 4)) + " and " + (names.size() - 4) + " more names";
    }
}
