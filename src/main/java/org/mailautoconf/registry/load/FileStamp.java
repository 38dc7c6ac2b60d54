package org.mailautoconf.registry.load;

import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What a stat says about a file (size, modification time, inode) and when it was read. A reload
 * trusts an unchanged stamp instead of reading the file again, as make and rsync do, except
 * while the file's modification time is too close to the read: a second edit within the file
 * system's timestamp granularity would leave the stamp as it was.
 *
 * @param fileKey the inode and device where the file system has them (a Kubernetes ConfigMap
 *                swap gives every file a new one), else null
 */
record FileStamp(long size, Instant modified, Object fileKey, Instant readAt) {

    /** Longer than any local or network file system's timestamp granularity (FAT's is 2 s). */
    static final Duration SETTLED = Duration.ofSeconds(3);

    static FileStamp of(BasicFileAttributes a, Instant now) {
        return new FileStamp(a.size(), a.lastModifiedTime().toInstant(), a.fileKey(), now);
    }

    /**
     * True when {@code now} (a stat of the same path) shows the file as it was when this stamp's
     * bytes were read, and the file had not been written shortly before that read.
     */
    boolean unchangedAt(FileStamp now) {
        return size == now.size && modified.equals(now.modified) && Objects.equals(fileKey, now.fileKey)
                && modified.isBefore(readAt.minus(SETTLED));
    }
}
