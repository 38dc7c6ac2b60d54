package org.mailautoconf.http;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Optional;
import org.mailautoconf.answer.DirectoryAnswers;
import org.mailautoconf.directory.Directories;
import org.mailautoconf.directory.DirectoryFile;
import org.mailautoconf.directory.DirectorySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the directories ({@code --directories FILE}) in step with their file: every reload
 * interval, on a worker, the file's bytes (and those of the password and CA files it names) are
 * compared with those last read; when they differ,
 * and are the same at the next check, it is read again and, when it is good, the new sources replace the old ones (whose per-address
 * cache goes with them). A file that no longer reads keeps the running directories and is
 * logged once per change, naming the file and field. SIGHUP reads it at once.
 */
final class DirectoriesWatcher {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoriesWatcher.class);

    private final Vertx vertx;
    private final Optional<Path> file;
    private final DirectoryAnswers directories;
    /** The digest of the bytes last read, good or not; guarded by this. */
    private byte[] lastRead;
    /** The digest of changed bytes seen by the last check, not read yet; guarded by this. */
    private byte[] pending;
    private volatile long timer = -1;

    /** The bytes of {@code file} now are taken as those the running directories were read from. */
    DirectoriesWatcher(Vertx vertx, Optional<Path> file, DirectoryAnswers directories) {
        this.vertx = vertx;
        this.file = file;
        this.directories = directories;
        this.lastRead = file.map(DirectoriesWatcher::digest).orElse(null);
    }

    /** Reads a directories file for the start; a file that cannot be used stops the start, naming file and field. */
    static DirectorySettings initial(Optional<Path> file) {
        return file.map(DirectoryFile::read).orElse(DirectorySettings.NONE);
    }

    void start(java.time.Duration interval) {
        if (file.isEmpty()) {
            return;
        }
        timer = vertx.setPeriodic(interval.toMillis(), id -> vertx.executeBlocking(() -> {
            check(false);
            return null;
        }, true).onFailure(e -> LOG.error("checking the directories file failed", e)));
    }

    void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** SIGHUP: reads the file now, changed or not, on a worker. */
    void reloadNow() {
        if (file.isPresent()) {
            vertx.executeBlocking(() -> {
                check(true);
                return null;
            }).onFailure(e -> LOG.error("reloading the directories file failed", e));
        }
    }

    /**
     * Reads the file when its bytes changed since the last read and then stayed the same for one
     * interval (so a file being written is not read half-way), or at once when {@code always}.
     */
    synchronized void check(boolean always) {
        Path f = file.orElseThrow();
        byte[] now = digest(f);
        if (!always && Arrays.equals(now, lastRead)) {
            pending = null;
            return;
        }
        if (!always && !Arrays.equals(now, pending)) {
            pending = now;
            return;
        }
        pending = null;
        lastRead = now;
        DirectorySettings settings;
        try {
            settings = DirectoryFile.read(f);
        } catch (IllegalArgumentException e) {
            // The message names the file and the field, never a password (DirectoryFile's rule).
            LOG.error("directories not reloaded, the previous ones keep serving: {}", e.getMessage());
            return;
        }
        directories.replace(Directories.open(settings));
        LOG.info("directories reloaded from {}: {} sources, the per-address cache emptied", f, settings.sources().size());
    }

    /**
     * SHA-256 of the file's bytes and of those of every file it names (a password file, a CA
     * file: a new password is a change as an edit is); null when the file cannot be read (then
     * reading it says why). A named file that cannot be read counts as its name alone.
     */
    private static byte[] digest(Path f) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(Files.readAllBytes(f));
            for (Path named : DirectoryFile.namedFiles(f)) {
                sha.update(named.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update((byte) 0);
                try {
                    sha.update(Files.readAllBytes(named));
                } catch (IOException e) {
                    sha.update((byte) 1);
                }
            }
            return sha.digest();
        } catch (IOException e) {
            return null;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
