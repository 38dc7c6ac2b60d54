package org.mailautoconf.http;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells whether anything in the provider directory changed. The operating system's
 * notifications (inotify) say so at no cost while nothing happens, which matters with 100,000
 * files; they cover the directory and its subdirectories (a Kubernetes ConfigMap's {@code ..data}
 * swap, {@code certs/}). Every {@link #FULL_CHECK_EVERY}th check also compares a fingerprint of
 * the whole tree (names, sizes, modification times), for file systems that send no
 * notifications; without notifications at all, every check does.
 */
final class DirectoryChanges implements Closeable {

    static final int FULL_CHECK_EVERY = 30;
    private static final Logger LOG = LoggerFactory.getLogger(DirectoryChanges.class);

    private final Path dir;
    private final WatchService watch;
    private String fingerprint;
    private long checks;

    DirectoryChanges(Path dir) {
        this(dir, true);
    }

    /** {@code notifications} false checks only fingerprints, as on a file system without notifications. */
    DirectoryChanges(Path dir, boolean notifications) {
        this.dir = dir;
        this.watch = notifications ? open(dir) : null;
        this.fingerprint = watch == null ? fingerprint() : null;
    }

    /** True when something changed since the last call. Called from one thread at a time. */
    boolean changed() {
        boolean changed = false;
        if (watch != null) {
            try {
                for (WatchKey key = watch.poll(); key != null; key = watch.poll()) {
                    for (WatchEvent<?> event : key.pollEvents()) {
                        changed = true;
                        if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && key.watchable() instanceof Path parent
                                && event.context() instanceof Path name && Files.isDirectory(parent.resolve(name))) {
                            register(parent.resolve(name));
                        }
                    }
                    key.reset();
                }
            } catch (ClosedWatchServiceException e) {
                return false;
            }
        }
        if (watch == null || ++checks % FULL_CHECK_EVERY == 0) {
            String now = fingerprint();
            changed |= fingerprint != null && !now.equals(fingerprint);
            fingerprint = now;
        }
        return changed;
    }

    @Override
    public void close() {
        if (watch != null) {
            try {
                watch.close();
            } catch (IOException e) {
                LOG.debug("closing the watch on {}", dir, e);
            }
        }
    }

    private WatchService open(Path root) {
        try {
            WatchService service = FileSystems.getDefault().newWatchService();
            register(service, root);
            try (Stream<Path> children = Files.list(root)) {
                for (Path child : children.filter(Files::isDirectory).toList()) {
                    register(service, child);
                }
            }
            return service;
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("no change notifications for {} ({}); checking its files at every interval instead", root, e.toString());
            return null;
        }
    }

    private void register(Path child) {
        try {
            register(watch, child);
        } catch (IOException e) {
            LOG.warn("cannot watch {}: {}", child, e.toString());
        }
    }

    private static void register(WatchService service, Path path) throws IOException {
        path.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                StandardWatchEventKinds.ENTRY_MODIFY);
    }

    private String fingerprint() {
        if (!Files.isDirectory(dir)) {
            return "missing";
        }
        try (Stream<Path> files = Files.walk(dir, 3, FileVisitOption.FOLLOW_LINKS)) {
            return files.filter(Files::isRegularFile).sorted().map(p -> {
                try {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                    return p + "|" + a.size() + "|" + a.lastModifiedTime().toInstant();
                } catch (IOException e) {
                    return p + "|?";
                }
            }).collect(Collectors.joining("\n"));
        } catch (IOException | UncheckedIOException e) {
            return "unreadable " + e.getMessage();
        }
    }
}
