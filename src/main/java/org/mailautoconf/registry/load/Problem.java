package org.mailautoconf.registry.load;

/**
 * Something wrong, or worth a look, in a provider file.
 *
 * @param field the path of the field in the file ({@code incoming[0].port}), empty for the file
 * @param code  a stable name for the kind of problem; warnings are explained under this name in
 *              {@code docs/validation.md}
 */
public record Problem(Severity severity, Location location, String field, String code, String message) {

    public enum Severity {
        /** The registry is not loaded while any error remains. */
        ERROR,
        /** Loads, but a client would reject or misread the answer. */
        WARNING,
        /** Loads; a value was assumed and waits for confirmation. */
        NOTE;

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static Problem error(Location at, String field, String code, String message) {
        return new Problem(Severity.ERROR, at, field, code, message);
    }

    public static Problem warning(Location at, String field, String code, String message) {
        return new Problem(Severity.WARNING, at, field, code, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line:column: error: field: message [code]}, the form compilers use. */
    @Override
    public String toString() {
        String where = field.isEmpty() ? "" : field + ": ";
        return location + ": " + severity.word() + ": " + where + message + " [" + code + "]";
    }
}
