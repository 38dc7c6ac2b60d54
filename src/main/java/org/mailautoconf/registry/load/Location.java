package org.mailautoconf.registry.load;

/** A place in a provider file: the file as the admin named it, line and column from 1. */
public record Location(String file, int line, int column) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
