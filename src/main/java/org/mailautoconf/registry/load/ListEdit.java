package org.mailautoconf.registry.load;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mailautoconf.registry.DomainSet;

/**
 * A changed domain list read as an edit of its previous read: the file is scanned in stretches
 * ({@link ListLines}); a stretch whose hash the previous read had is taken as it was (its names
 * are in the set already), the others are parsed. The new set shares the old one's base table
 * ({@link DomainSet}): the names of the stretches that are gone are removed and those of the new
 * stretches added in its small tables, where a name that left and came back cancels out. A
 * change of 1,000 lines in ten million costs a scan of the file and some 64,000 names in small
 * tables, where a whole read hashes and places ten million. The new stretches' names are kept
 * in a log of this edit's own, so that a later edit can remove them. Gives up (null: read it
 * whole, which folds the small tables into a new base) when the previous read had problems, when
 * much changed, or when the edits since the last whole read have grown past
 * {@link #MAX_OVERLAY} names or {@link #MAX_LOG_BYTES} of logs.
 */
final class ListEdit {

    /** More names than this in new stretches: a whole read is as cheap. */
    private static final int MAX_NEW_NAMES = 500_000;
    /** Names added and removed since the last whole read, past which an edit reads whole (an edit copies them). */
    static final int MAX_OVERLAY = 400_000;
    /** Bytes of the edits' logs of new stretches' names, past which an edit reads whole. */
    static final long MAX_LOG_BYTES = 64L << 20;

    private ListEdit() {
    }

    static DomainListFile.Read edit(Path file, String name, DomainListFile.Read before) throws IOException {
        return edit(file, name, before, MAX_OVERLAY);
    }

    /** @param maxOverlay names in the small tables past which the list is read whole (a test makes it small) */
    static DomainListFile.Read edit(Path file, String name, DomainListFile.Read before, int maxOverlay) throws IOException {
        if (!before.problems().isEmpty() || before.names().overlaySize() > maxOverlay || before.logBytes() > MAX_LOG_BYTES) {
            return null;
        }
        DomainListFile.Stretches old = before.stretches();
        int n = old.hashes().length;
        // Old stretches by hash; equal stretches (the same lines twice) are chained.
        Map<Long, Integer> byHash = new HashMap<>(n * 4 / 3 + 16);
        int[] nextSame = new int[n];
        for (int i = n - 1; i >= 0; i--) {
            Integer later = byHash.put(old.hashes()[i], i);
            nextSame[i] = later == null ? -1 : later;
        }
        boolean[] kept = new boolean[n];
        DomainListFile.Problems problems = new DomainListFile.Problems();
        DomainListFile.LineName parsed = new DomainListFile.LineName(name, problems);
        DomainListFile.StretchTable table = new DomainListFile.StretchTable();
        New added = new New();
        int[] lines = {0};
        long checksum = ListLines.scan(file, (hash, firstLine, buf, starts, lens, count) -> {
            lines[0] = firstLine + count - 1;
            Integer same = byHash.get(hash);
            if (same != null && added.names <= MAX_NEW_NAMES) {
                if (nextSame[same] < 0) {
                    byHash.remove(hash);
                } else {
                    byHash.put(hash, nextSame[same]);
                }
                kept[same] = true;
                table.add(hash, old.log()[same], old.from()[same], old.to()[same]);
                return;
            }
            added.stretch(table.size());
            table.add(hash, 0, -1, -1);
            for (int i = 0; i < count && added.names <= MAX_NEW_NAMES; i++) {
                if (parsed.parse(buf, starts[i], lens[i], firstLine + i)) {
                    added.name(parsed.bytes, parsed.off, parsed.len, firstLine + i, parsed.column());
                }
            }
        });
        if (added.names > MAX_NEW_NAMES) {
            return null;
        }
        if (added.stretches == 0 && checksum == before.checksum() && table.size() == n) {
            return before; // saved again as it was: nothing to copy
        }
        DomainSet.Editor set = before.names().edit();
        for (int i = 0; i < n; i++) {
            if (!kept[i]) {
                before.stretchNames(i, set::remove);
            }
        }
        List<byte[]> logs = new ArrayList<>(before.logs());
        logs.add(Arrays.copyOf(added.bytes, added.used));
        added.store(set, logs.size(), table, parsed);
        return new DomainListFile.Read(set.build(), problems.done(name, Math.max(1, lines[0])), checksum, table.done(), List.copyOf(logs));
    }

    /** The names of the new stretches, length-prefixed one after another, with each one's line. */
    private static final class New {
        byte[] bytes = new byte[1 << 16];
        int used;
        int names;
        int[] lineOf = new int[1024];
        int[] columnOf = new int[1024];
        int[] stretchIndex = new int[64];
        int[] stretchEnd = new int[64];
        int stretches;

        void stretch(int index) {
            if (stretches == stretchIndex.length) {
                stretchIndex = Arrays.copyOf(stretchIndex, stretches * 2);
                stretchEnd = Arrays.copyOf(stretchEnd, stretches * 2);
            }
            stretchIndex[stretches] = index;
            stretchEnd[stretches] = names;
            stretches++;
        }

        void name(byte[] b, int off, int len, int line, int column) {
            if (used + len + 1 > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, used + len + 1));
            }
            if (names == lineOf.length) {
                lineOf = Arrays.copyOf(lineOf, names * 2);
                columnOf = Arrays.copyOf(columnOf, names * 2);
            }
            columnOf[names] = column;
            bytes[used] = (byte) len;
            System.arraycopy(b, off, bytes, used + 1, len);
            used += len + 1;
            lineOf[names++] = line;
            stretchEnd[stretches - 1] = names;
        }

        /** Adds the names stretch by stretch, each stretch's range in this edit's log ({@code log}) written down. */
        void store(DomainSet.Editor set, int log, DomainListFile.StretchTable table, DomainListFile.LineName parsed) {
            int at = 0;
            int k = 0;
            for (int s = 0; s < stretches; s++) {
                int from = at;
                for (; k < stretchEnd[s]; k++) {
                    int len = bytes[at] & 0xff;
                    if (!set.add(bytes, at + 1, len)) {
                        parsed.twice(bytes, at + 1, len, lineOf[k], columnOf[k]);
                    }
                    at += len + 1;
                }
                table.range(stretchIndex[s], log, from, at);
            }
        }
    }
}
