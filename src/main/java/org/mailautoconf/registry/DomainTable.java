package org.mailautoconf.registry;

import java.util.Arrays;

/**
 * A compact, immutable table of domain names, the parts of a {@link DomainSet}: the
 * names as ASCII bytes one after another in one array, each with its length in front, and an
 * open-addressing table of offsets into it (linear probing, at most 5/8 full). About 20 bytes a
 * name of 15 characters where a {@code HashMap<DomainName, Provider>} takes about 150: ten
 * million names fit in some 250 MB and are built without one object per name. A lookup hashes
 * the asked name's characters as they are, allocating nothing.
 */
public final class DomainTable {

    private final byte[] names;
    /** Offset + 1 of each name in {@code names}; 0: an empty slot. */
    private final int[] slots;
    private final int size;

    private DomainTable(byte[] names, int[] slots, int size) {
        this.names = names;
        this.slots = slots;
        this.size = size;
    }

    /** Receives names as {@code len} bytes at {@code off} of {@code b}; it reads them and keeps no reference to {@code b}. */
    public interface Names {
        void name(byte[] b, int off, int len);
    }

    /**
     * Gives {@code to} the names stored between {@code from} and {@code end} (offsets a
     * {@link Builder#used()} gave while this table was built): the names one stretch of a list
     * file gave, in file order, removed or not since.
     */
    public void stored(int from, int end, Names to) {
        for (int at = from; at < end; at += (names[at] & 0xff) + 1) {
            to.name(names, at + 1, names[at] & 0xff);
        }
    }

    /** Whether {@code len} bytes at {@code off} (a normalised name) are in this set. */
    public boolean contains(byte[] b, int off, int len) {
        return size > 0 && len > 0 && len <= 255 && containsBytes(b, off, len);
    }

    public static Builder builder(int expected) {
        return new Builder(expected);
    }

    /** @param ascii a normalised name ({@link DomainName#ascii()}) */
    public boolean contains(String ascii) {
        int n = ascii.length();
        if (n == 0 || n > 255 || size == 0) {
            return false;
        }
        int mask = slots.length - 1;
        for (int i = hash(ascii) & mask; ; i = (i + 1) & mask) {
            int at = slots[i];
            if (at == 0) {
                return false;
            }
            if (same(at - 1, ascii)) {
                return true;
            }
        }
    }

    private boolean same(int at, String ascii) {
        int n = names[at] & 0xff;
        if (n != ascii.length()) {
            return false;
        }
        for (int k = 0; k < n; k++) {
            if (names[at + 1 + k] != (byte) ascii.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    public int size() {
        return size;
    }

    /**
     * Adds to {@code out} the names of this table that {@code except} does not hold and
     * {@code other} does, until it has {@code max}: walks this table and probes without a String a name.
     */
    void common(DomainSet other, DomainTable except, int max, java.util.List<String> out) {
        // Through the table, not the name array: that array also holds names removed from a builder.
        for (int i = 0; i < slots.length && out.size() < max; i++) {
            int at = slots[i] - 1;
            if (at >= 0 && !except.contains(names, at + 1, names[at] & 0xff) && other.contains(names, at + 1, names[at] & 0xff)) {
                out.add(new String(names, at + 1, names[at] & 0xff, java.nio.charset.StandardCharsets.US_ASCII));
            }
        }
    }

    private boolean containsBytes(byte[] b, int off, int len) {
        int mask = slots.length - 1;
        for (int i = hash(b, off, len) & mask; ; i = (i + 1) & mask) {
            int at = slots[i];
            if (at == 0) {
                return false;
            }
            at--;
            if ((names[at] & 0xff) == len && Arrays.equals(names, at + 1, at + 1 + len, b, off, off + len)) {
                return true;
            }
        }
    }

    /** Bytes held, for the bench's memory figures. */
    public long bytes() {
        return names.length + 4L * slots.length;
    }

    private static int hash(String s) {
        int h = 0;
        for (int k = 0; k < s.length(); k++) {
            h = 31 * h + (s.charAt(k) & 0xff);
        }
        return mix(h);
    }

    private static int hash(byte[] b, int off, int len) {
        int h = 0;
        for (int k = 0; k < len; k++) {
            h = 31 * h + (b[off + k] & 0xff);
        }
        return mix(h);
    }

    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    /**
     * A builder that starts as a copy of {@code table} (for the small tables of an edit: this
     * copies both arrays).
     */
    public static Builder copy(DomainTable table) {
        return new Builder(table);
    }

    /** Collects names; not thread-safe; {@link #build()} once. */
    public static final class Builder {
        private byte[] names;
        private int used;
        private int[] slots;
        private int size;

        private Builder(int expected) {
            names = new byte[(int) Math.min(Integer.MAX_VALUE - 8, Math.max(64L, expected * 20L))];
            slots = new int[capacity(expected)];
        }

        private Builder(DomainTable table) {
            names = Arrays.copyOf(table.names, table.names.length + 256);
            used = table.names.length;
            slots = table.slots.clone();
            size = table.size;
        }

        /** Where the next name added goes in the name array. */
        public int used() {
            return used;
        }

        /**
         * Removes a normalised name (backward-shift deletion: the probe chains stay whole, no
         * tombstones); its bytes stay in the name array.
         *
         * @return false when the name was not in the set
         */
        public boolean remove(byte[] b, int off, int len) {
            int mask = slots.length - 1;
            int i = hash(b, off, len) & mask;
            for (int at = slots[i]; ; i = (i + 1) & mask, at = slots[i]) {
                if (at == 0) {
                    return false;
                }
                if ((names[at - 1] & 0xff) == len && Arrays.equals(names, at, at + len, b, off, off + len)) {
                    break;
                }
            }
            size--;
            // Moves back each later entry of the run that may sit in the freed slot.
            for (int j = (i + 1) & mask; slots[j] != 0; j = (j + 1) & mask) {
                int at = slots[j];
                int home = hash(names, at, names[at - 1] & 0xff) & mask;
                if (((j - home) & mask) >= ((j - i) & mask)) {
                    slots[i] = at;
                    i = j;
                }
            }
            slots[i] = 0;
            return true;
        }

        /** Whether a normalised name is in the set as built so far. */
        public boolean contains(byte[] b, int off, int len) {
            int mask = slots.length - 1;
            for (int i = hash(b, off, len) & mask, at = slots[i]; at != 0; i = (i + 1) & mask, at = slots[i]) {
                if ((names[at - 1] & 0xff) == len && Arrays.equals(names, at, at + len, b, off, off + len)) {
                    return true;
                }
            }
            return false;
        }

        private static int capacity(int entries) {
            long want = Math.max(16, entries * 8L / 5 + 1);
            return (int) Math.min(1 << 30, Long.highestOneBit(want - 1) << 1);
        }

        /**
         * Adds a normalised ASCII name ({@code len} bytes at {@code off}, lower case).
         *
         * @return false when the name is already in the set
         */
        public boolean add(byte[] b, int off, int len) {
            if (len < 1 || len > 255) {
                throw new IllegalArgumentException("a domain name has 1 to 255 bytes, was " + len);
            }
            if ((size + 1) * 8L > slots.length * 5L) {
                grow();
            }
            int mask = slots.length - 1;
            int i = hash(b, off, len) & mask;
            for (int at = slots[i]; at != 0; i = (i + 1) & mask, at = slots[i]) {
                if ((names[at - 1] & 0xff) == len && Arrays.equals(names, at, at + len, b, off, off + len)) {
                    return false;
                }
            }
            if (used + len + 1 > names.length) {
                names = Arrays.copyOf(names, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(names.length * 3L / 2, used + len + 1L)));
            }
            names[used] = (byte) len;
            System.arraycopy(b, off, names, used + 1, len);
            slots[i] = used + 1;
            used += len + 1;
            size++;
            return true;
        }

        private void grow() {
            int[] old = slots;
            slots = new int[old.length * 2];
            int mask = slots.length - 1;
            for (int at : old) {
                if (at != 0) {
                    int i = hash(names, at, names[at - 1] & 0xff) & mask;
                    while (slots[i] != 0) {
                        i = (i + 1) & mask;
                    }
                    slots[i] = at;
                }
            }
        }

        public int size() {
            return size;
        }

        public DomainTable build() {
            return new DomainTable(used == names.length ? names : Arrays.copyOf(names, used), slots, size);
        }
    }
}
