package org.mailautoconf.directory;

/**
 * A directory could not answer (down, refused, bad query). The message names the source and
 * what failed, never the address asked for, a password or a result: it may be logged.
 */
public final class DirectoryException extends Exception {

    public DirectoryException(String message) {
        super(message);
    }

    public DirectoryException(String message, Throwable cause) {
        // The cause's own message may carry query text or values: only its class name is kept.
        super(message + " (" + cause.getClass().getSimpleName() + ")");
    }
}
