package org.mailautoconf.registry.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32C;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.DomainSet;

/**
 * A plain domain-list file, as a hoster exports its customers from its database: one domain a
 * line, {@code #} starts a comment, blank lines are skipped. Read as bytes into a
 * {@link DomainSet} without a String per line (ten million lines are read in seconds); only a
 * line that is not plain lower-case ASCII goes through {@link DomainName#parse} (upper case,
 * Unicode names). Each bad name and each name listed twice is a problem at its line and column;
 * after {@link #MAX_PROBLEMS} the rest are counted in one last problem.
 */
final class DomainListFile {

    static final int MAX_PROBLEMS = 100;

    /** What a list gave: its names, the problems (empty when it is good), and a checksum of its bytes. */
    record Read(DomainSet names, List<Problem> problems, long checksum) {}

    private DomainListFile() {
    }

    /** @param name the file's name in problems */
    static Read read(Path file, String name) throws IOException {
        long bytes = Files.size(file);
        DomainSet.Builder set = DomainSet.builder((int) Math.min(Integer.MAX_VALUE / 16, bytes / 20 + 16));
        List<Problem> problems = new ArrayList<>();
        int[] more = {0};
        byte[] line = new byte[1024];
        int len = 0;
        int lineNo = 1;
        boolean overlong = false;
        CRC32C crc = new CRC32C();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                crc.update(buf, 0, n);
                for (int i = 0; i < n; i++) {
                    byte c = buf[i];
                    if (c == '\n') {
                        line(set, line, overlong ? -1 : len, name, lineNo++, problems, more);
                        len = 0;
                        overlong = false;
                    } else if (len < line.length) {
                        line[len++] = c;
                    } else {
                        overlong = true;
                    }
                }
            }
        }
        if (len > 0 || overlong) {
            line(set, line, overlong ? -1 : len, name, lineNo, problems, more);
        }
        if (more[0] > 0) {
            problems.add(Problem.error(new Location(name, lineNo, 1), "domainList", "more-problems",
                    more[0] + " more problems in " + name + " after the first " + MAX_PROBLEMS));
        }
        return new Read(set.build(), List.copyOf(problems), crc.getValue() ^ ((long) bytes << 32));
    }

    /**
     * The checksum {@link #read} gives for the file's bytes, without reading names: a list saved
     * again unchanged (a new time stamp, the same bytes) is taken over as it was.
     */
    static long checksum(Path file) throws IOException {
        CRC32C crc = new CRC32C();
        long bytes = 0;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                crc.update(buf, 0, n);
                bytes += n;
            }
        }
        return crc.getValue() ^ (bytes << 32);
    }

    /**
     * Where the file first names each of {@code wanted} (normalised names): for the rare problem
     * of a listed domain that another file also claims, so a slow line-by-line read.
     */
    static Map<String, Location> locate(Path file, String name, Set<String> wanted) throws IOException {
        Map<String, Location> out = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int lineNo = 0;
            for (String line; (line = in.readLine()) != null && out.size() < wanted.size(); ) {
                lineNo++;
                int hash = line.indexOf('#');
                String text = (hash >= 0 ? line.substring(0, hash) : line).strip();
                if (text.endsWith(".")) {
                    text = text.substring(0, text.length() - 1);
                }
                if (text.isEmpty()) {
                    continue;
                }
                try {
                    String ascii = DomainName.parse(text).ascii();
                    if (wanted.contains(ascii)) {
                        out.putIfAbsent(ascii, new Location(name, lineNo, line.indexOf(text.charAt(0)) + 1));
                    }
                } catch (IllegalArgumentException e) {
                    // a bad line: read() reports it
                }
            }
        }
        return out;
    }

    private static void line(DomainSet.Builder set, byte[] line, int len, String name, int lineNo, List<Problem> problems, int[] more) {
        if (len < 0) {
            problem(problems, more, new Location(name, lineNo, 1), "bad-domain", "the line is longer than a domain name can be");
            return;
        }
        int end = len;
        for (int i = 0; i < len; i++) {
            if (line[i] == '#') {
                end = i;
                break;
            }
        }
        int start = 0;
        while (start < end && isSpace(line[start])) {
            start++;
        }
        while (end > start && isSpace(line[end - 1])) {
            end--;
        }
        if (end > start && line[end - 1] == '.') {
            end--;
        }
        if (start == end) {
            return;
        }
        byte[] bytes = line;
        int off = start;
        int n = end - start;
        if (!plainLdh(line, start, end)) {
            String text = new String(line, start, end - start, StandardCharsets.UTF_8);
            try {
                bytes = DomainName.parse(text).ascii().getBytes(StandardCharsets.US_ASCII);
                off = 0;
                n = bytes.length;
            } catch (IllegalArgumentException e) {
                problem(problems, more, new Location(name, lineNo, start + 1), "bad-domain",
                        "'" + text + "' is not a valid domain: " + e.getMessage());
                return;
            }
        }
        if (!set.add(bytes, off, n)) {
            problem(problems, more, new Location(name, lineNo, start + 1), "duplicate-domain",
                    new String(bytes, off, n, StandardCharsets.US_ASCII) + " is listed twice in " + name);
        }
    }

    /** Lower-case letters, digits, hyphens; labels of 1 to 63, not starting or ending with a hyphen; two labels or more. */
    private static boolean plainLdh(byte[] b, int start, int end) {
        if (end - start > 253) {
            return false;
        }
        int label = 0;
        int labels = 1;
        for (int i = start; i < end; i++) {
            byte c = b[i];
            if (c == '.') {
                if (label == 0 || b[i - 1] == '-') {
                    return false;
                }
                label = 0;
                labels++;
            } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && label > 0)) {
                if (++label > 63) {
                    return false;
                }
            } else {
                return false;
            }
        }
        return label > 0 && b[end - 1] != '-' && labels >= 2;
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\r';
    }

    private static void problem(List<Problem> problems, int[] more, Location at, String code, String message) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(Problem.error(at, "domainList", code, message));
        } else {
            more[0]++;
        }
    }
}
