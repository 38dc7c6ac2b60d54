package org.mailautoconf.http;

/**
 * The path of one route: a fixed path, or a prefix followed by one parameter segment; in exact
 * letter case (then also with one trailing slash, as vertx-web matched {@code route(path)}) or
 * in any (then without, as its regular expressions matched the Autodiscover paths).
 *
 * @param text          the path, or the prefix before the parameter (ending in '/')
 * @param anyCase       whether the letter case may differ
 * @param parameterName the parameter's name, or null for a fixed path
 * @param suffix        what follows the parameter (starting with '/'), or "" when it ends the path
 */
record RoutePath(String text, boolean anyCase, String parameterName, String suffix) {

    static RoutePath plain(String path) {
        return new RoutePath(path, false, null, "");
    }

    static RoutePath anyCase(String path) {
        return new RoutePath(path, true, null, "");
    }

    /** {@code prefix} then {@code :name}, e.g. {@code /v1.1/} and {@code domain}. */
    static RoutePath withParameter(String prefix, String name, boolean anyCase) {
        return new RoutePath(prefix, anyCase, name, "");
    }

    /** {@code prefix}, {@code :name}, then {@code suffix}, e.g. {@code /branding/}, {@code provider}, {@code /logo}. */
    static RoutePath withParameterBefore(String prefix, String name, String suffix) {
        return new RoutePath(prefix, false, name, suffix);
    }

    /** Matched by a hash lookup of the path rather than by {@link #parameter}. */
    boolean isPlain() {
        return !anyCase && parameterName == null;
    }

    /**
     * The parameter, still percent-encoded, when {@code path} (normalised) is this route's; an
     * empty string for a fixed path that matches; null when it does not match.
     */
    String parameter(String path) {
        if (parameterName == null) {
            if (anyCase ? path.equalsIgnoreCase(text) : path.equals(text)) {
                return "";
            }
            return null;
        }
        if (!path.regionMatches(anyCase, 0, text, 0, text.length())) {
            return null;
        }
        int end = path.length();
        if (!anyCase && end > text.length() && path.charAt(end - 1) == '/') {
            end--;
        }
        if (!suffix.isEmpty()) {
            if (end < text.length() + suffix.length() || !path.regionMatches(end - suffix.length(), suffix, 0, suffix.length())) {
                return null;
            }
            end -= suffix.length();
        }
        int slash = path.indexOf('/', text.length());
        if (end == text.length() || slash >= 0 && slash < end) {
            return null;
        }
        return path.substring(text.length(), end);
    }
}
