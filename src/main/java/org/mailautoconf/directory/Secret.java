package org.mailautoconf.directory;

/** A password read from a file or the environment; prints as where it came from, never its value. */
record Secret(String value, String origin) {

    @Override
    public String toString() {
        return "Secret[" + origin + "]";
    }
}
