package org.mailautoconf.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Zip files as an older version of the service left them, for the tests of the state directory. */
public final class ZipFiles {

    private ZipFiles() {
    }

    /** Rewrites {@code zipFile} without the entry {@code name}, its other entries and its comment kept. */
    public static void withoutEntry(Path zipFile, String name) throws IOException {
        Path temp = zipFile.resolveSibling(zipFile.getFileName() + ".rewritten");
        try (ZipFile in = new ZipFile(zipFile.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(temp))) {
            for (ZipEntry e : Collections.list(in.entries())) {
                if (!e.getName().equals(name)) {
                    out.putNextEntry(new ZipEntry(e.getName()));
                    try (InputStream bytes = in.getInputStream(e)) {
                        bytes.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
            out.setComment(in.getComment());
        }
        Files.move(temp, zipFile, StandardCopyOption.REPLACE_EXISTING);
    }
}
