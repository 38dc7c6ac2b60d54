package org.mailautoconf.registry.load;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/** A failed read of the provider directory in words, not as a Java exception's class name. */
final class IoWords {

    private IoWords() {
    }

    static String directory(Path dir, IOException e) {
        if (e instanceof NoSuchFileException) {
            return "the provider directory " + dir + " does not exist";
        }
        if (e instanceof NotDirectoryException) {
            return dir + " is not a directory; give the directory of provider files";
        }
        if (e instanceof AccessDeniedException) {
            return "no permission to read the provider directory " + dir;
        }
        return "cannot read the provider directory " + dir + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
}
