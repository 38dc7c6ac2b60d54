package org.mailautoconf.registry.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32C;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.DomainSet;
import org.mailautoconf.registry.DomainTable;

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

    /**
     * What a list gave: its names, the problems (empty when it is good), a checksum of its
     * bytes, and its stretches of lines ({@link ListLines}) with where their names are stored in
     * the set, so that the next version of the file can be read as an edit of this one. The
     * names of the stretches that edits added are in {@code logs} (the whole read's are in the
     * set's base table).
     */
    record Read(DomainSet names, List<Problem> problems, long checksum, Stretches stretches, List<byte[]> logs) {

        Read(DomainSet names, List<Problem> problems, long checksum, Stretches stretches) {
            this(names, problems, checksum, stretches, List.of());
        }

        /** Bytes that edits' logs hold: past a bound, the list is better read whole. */
        long logBytes() {
            long n = 0;
            for (byte[] log : logs) {
                n += log.length;
            }
            return n;
        }

        /** Gives {@code to} the names of stretch {@code i}, from the base table or the log that holds them. */
        void stretchNames(int i, DomainTable.Names to) {
            int log = stretches.log()[i];
            if (log == 0) {
                names.base().stored(stretches.from()[i], stretches.to()[i], to);
                return;
            }
            byte[] b = logs.get(log - 1);
            for (int at = stretches.from()[i]; at < stretches.to()[i]; at += (b[at] & 0xff) + 1) {
                to.name(b, at + 1, b[at] & 0xff);
            }
        }
    }

    /**
     * Stretch {@code i}: the hash of its lines, and its names at {@code from[i]..to[i]} of the
     * base table's name array ({@code log[i]} 0) or of log {@code log[i] - 1} of the read.
     */
    record Stretches(long[] hashes, int[] log, int[] from, int[] to) {}

    /** The problems of one read: the first {@link #MAX_PROBLEMS}, then a count. */
    static final class Problems {
        final List<Problem> list = new ArrayList<>();
        int more;

        void add(Location at, String code, String message) {
            if (list.size() < MAX_PROBLEMS) {
                list.add(Problem.error(at, "domainList", code, message));
            } else {
                more++;
            }
        }

        List<Problem> done(String name, int lines) {
            if (more > 0) {
                list.add(Problem.error(new Location(name, lines, 1), "domainList", "more-problems",
                        more + " more problems in " + name + " after the first " + MAX_PROBLEMS));
            }
            return List.copyOf(list);
        }
    }

    private DomainListFile() {
    }

    /** @param name the file's name in problems */
    static Read read(Path file, String name) throws IOException {
        long bytes = Files.size(file);
        DomainTable.Builder set = DomainTable.builder((int) Math.min(Integer.MAX_VALUE / 16, bytes / 20 + 16));
        Problems problems = new Problems();
        LineName parsed = new LineName(name, problems);
        StretchTable table = new StretchTable();
        int[] lines = {0};
        long checksum = ListLines.scan(file, (hash, firstLine, buf, starts, lens, count) -> {
            int from = set.used();
            for (int i = 0; i < count; i++) {
                if (parsed.parse(buf, starts[i], lens[i], firstLine + i)
                        && !set.add(parsed.bytes, parsed.off, parsed.len)) {
                    parsed.twice(firstLine + i);
                }
            }
            table.add(hash, 0, from, set.used());
            lines[0] = firstLine + count - 1;
        });
        return new Read(DomainSet.of(set.build()), problems.done(name, Math.max(1, lines[0])), checksum, table.done());
    }

    /** Stretches as they come, in file order. */
    static final class StretchTable {
        private long[] hashes = new long[1024];
        private int[] log = new int[1024];
        private int[] from = new int[1024];
        private int[] to = new int[1024];
        private int n;

        void add(long hash, int logIndex, int start, int end) {
            if (n == hashes.length) {
                hashes = Arrays.copyOf(hashes, n * 2);
                log = Arrays.copyOf(log, n * 2);
                from = Arrays.copyOf(from, n * 2);
                to = Arrays.copyOf(to, n * 2);
            }
            hashes[n] = hash;
            log[n] = logIndex;
            from[n] = start;
            to[n] = end;
            n++;
        }

        /** Stretch {@code i}'s range, set later (an edit stores new stretches' names after the scan). */
        void range(int i, int logIndex, int start, int end) {
            log[i] = logIndex;
            from[i] = start;
            to[i] = end;
        }

        int size() {
            return n;
        }

        Stretches done() {
            return new Stretches(Arrays.copyOf(hashes, n), Arrays.copyOf(log, n), Arrays.copyOf(from, n), Arrays.copyOf(to, n));
        }
    }

    /**
     * One line's name, normalised: {@code len} bytes at {@code off} of {@code bytes} (the line
     * itself when it is plain lower-case ASCII, which needs no String); a bad line is a problem.
     */
    static final class LineName {
        private final String name;
        private final Problems problems;
        byte[] bytes;
        int off;
        int len;
        private int column;

        LineName(String name, Problems problems) {
            this.name = name;
            this.problems = problems;
        }

        /** A name listed again, at the line and column just parsed. */
        void twice(int lineNo) {
            twice(bytes, off, len, lineNo, column);
        }

        void twice(byte[] b, int at, int length, int lineNo, int col) {
            problems.add(new Location(name, lineNo, col), "duplicate-domain",
                    new String(b, at, length, StandardCharsets.US_ASCII) + " is listed twice in " + name);
        }

        int column() {
            return column;
        }

        /** @return false for a blank or comment line, and for a bad one (then a problem) */
        boolean parse(byte[] line, int at, int length, int lineNo) {
            if (length < 0) {
                problems.add(new Location(name, lineNo, 1), "bad-domain", "the line is longer than a domain name can be");
                return false;
            }
            int end = at + length;
            for (int i = at; i < end; i++) {
                if (line[i] == '#') {
                    end = i;
                    break;
                }
            }
            int start = at;
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
                return false;
            }
            column = start - at + 1;
            if (plainLdh(line, start, end)) {
                bytes = line;
                off = start;
                len = end - start;
                return true;
            }
            String text = new String(line, start, end - start, StandardCharsets.UTF_8);
            try {
                bytes = DomainName.parse(text).ascii().getBytes(StandardCharsets.US_ASCII);
                off = 0;
                len = bytes.length;
                return true;
            } catch (IllegalArgumentException e) {
                problems.add(new Location(name, lineNo, column), "bad-domain", "'" + text + "' is not a valid domain: " + e.getMessage());
                return false;
            }
        }
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
        return ListLines.checksum(crc, bytes);
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

    /**
     * The fast path of the line check: true only for a name that {@link DomainName#parse} gives
     * back as it is, with no IDNA processing (DomainNameFastPathTest checks that on random
     * input): lower-case letters, digits, hyphens; labels of 1 to 63, not starting or ending
     * with a hyphen; two labels or more; no "xn--" anywhere (a punycode label is checked by
     * UTS #46, as parse does). Anything else, upper case and Unicode too, goes through parse.
     */
    static boolean plainLdh(byte[] b, int start, int end) {
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
            } else if (c == '-' && label >= 3 && b[i - 1] == '-' && b[i - 2] == 'n' && b[i - 3] == 'x') {
                return false;
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

}
