package org.mailautoconf.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.mailautoconf.LogSettings.ClientAddress;

/**
 * What a request puts in a log line, made safe to log: control characters escaped, addresses
 * cut out of paths, client addresses truncated as the operator chose.
 */
final class LogText {

    /** Put for a path segment that held an e-mail address, or for what follows a path that carries one. */
    static final String CUT = "…";

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");
    /** Text with a ':' and only the characters of an IPv6 literal (compiled once, not per log line). */
    private static final Pattern IPV6_LIKE = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private LogText() {
    }

    /**
     * The text with every character that could forge or hide part of a log line escaped: C0 and
     * C1 controls (ESC, NUL, NEL...), DEL, line and paragraph separators, invisible format
     * characters (bidi overrides) and unpaired surrogates, as {@code \xHH} or {@code \\uHHHH};
     * a backslash is doubled so that an escape in the input cannot pass for one of ours.
     */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            if (paired) {
                if (out != null) {
                    out.append(c).append(text.charAt(i + 1));
                }
                i++;
                continue;
            }
            if (!needsEscape(c)) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (c == '\\') {
                out.append("\\\\");
            } else if (c < 0x100) {
                out.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
            } else {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            }
        }
        return out == null ? text : out.toString();
    }

    private static boolean needsEscape(char c) {
        if (c == '\\' || Character.isISOControl(c) || Character.isSurrogate(c)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR || type == Character.FORMAT;
    }

    /**
     * A path as it may be logged: escaped, everything after {@code /mobileconfig/}, Autodiscover
     * v2's {@code /v1.0/} and an ACME challenge's token cut, and any segment that holds an '@' (or its escape {@code %40}) cut.
     * Give it the path the router matched (dot segments and double slashes resolved), so that
     * {@code /x/../mobileconfig/ADDR} is cut as {@code /mobileconfig/ADDR} is.
     */
    static String path(String path) {
        if (path == null) {
            return "";
        }
        String lower = path.toLowerCase(Locale.ROOT);
        String kept = path;
        for (String prefix : new String[] {"/mobileconfig/", "/autodiscover/autodiscover.json/v1.0/", "/.well-known/acme-challenge/"}) {
            if (lower.startsWith(prefix) && lower.length() > prefix.length()) {
                kept = path.substring(0, prefix.length()) + CUT;
                break;
            }
        }
        String[] segments = kept.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].indexOf('@') >= 0 || segments[i].toLowerCase(Locale.ROOT).contains("%40")) {
                segments[i] = CUT;
            }
        }
        return escape(String.join("/", segments));
    }

    /**
     * The client's address for the access log: whole, its network (IPv4 /24, IPv6 /48, as
     * {@code 192.0.2.0} and {@code 2001:db8:1::}), or "-".
     */
    static String client(String address, ClientAddress mode) {
        if (address == null || address.isEmpty() || mode == ClientAddress.NONE) {
            return "-";
        }
        if (mode == ClientAddress.FULL) {
            return escape(address);
        }
        byte[] bytes = literal(address);
        if (bytes == null) {
            return "-";
        }
        if (bytes.length == 4) {
            return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + ".0";
        }
        return String.format(Locale.ROOT, "%x:%x:%x::", group(bytes, 0), group(bytes, 2), group(bytes, 4));
    }

    private static int group(byte[] bytes, int at) {
        return (bytes[at] & 0xff) << 8 | (bytes[at + 1] & 0xff);
    }

    /** The bytes of an IP literal, without a name lookup: null for anything else. */
    private static byte[] literal(String address) {
        String a = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        int zone = a.indexOf('%');
        if (zone >= 0) {
            a = a.substring(0, zone);
        }
        // Only literals reach getByName, which then looks nothing up: a dotted quad, or text with
        // a ':' (never resolved, refused when not an IPv6 literal).
        if (!IPV4.matcher(a).matches() && !IPV6_LIKE.matcher(a).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(a).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
