package org.mailautoconf.registry;

import java.util.ArrayList;
import java.util.List;

/**
 * A compact, immutable set of domain names for hosters' domain lists (millions of names): a
 * large base {@link DomainTable} as the list was last read whole, and two small tables that
 * edits since then left, the names added ({@code plus}, none of them in the base) and the base's
 * names removed ({@code minus}). An edit of a few thousand names copies the two small tables and
 * shares the base, which may hold ten million names, with the set it was made from: it allocates
 * kilobytes where copying the base would take some 240 MB and a full collection after. The
 * small tables grow with each edit until the list is read whole again (the loader decides when:
 * {@link #overlaySize()}). A lookup probes the base, then {@code minus} only when the base has
 * the name, {@code plus} only when it has not; each probe is a hash and a slot or two, and the
 * small tables are empty (no probe) until an edit.
 */
public final class DomainSet {

    private static final DomainTable EMPTY = DomainTable.builder(0).build();

    private final DomainTable base;
    private final DomainTable plus;
    private final DomainTable minus;

    private DomainSet(DomainTable base, DomainTable plus, DomainTable minus) {
        this.base = base;
        this.plus = plus;
        this.minus = minus;
    }

    /** A set of the names of {@code base}, as a whole read built it. */
    public static DomainSet of(DomainTable base) {
        return new DomainSet(base, EMPTY, EMPTY);
    }

    /** The table a whole read built, shared by every set edited from it. */
    public DomainTable base() {
        return base;
    }

    /** @param ascii a normalised name ({@link DomainName#ascii()}) */
    public boolean contains(String ascii) {
        if (base.contains(ascii)) {
            return minus.size() == 0 || !minus.contains(ascii);
        }
        return plus.size() > 0 && plus.contains(ascii);
    }

    /** Whether {@code len} bytes at {@code off} (a normalised name) are in this set. */
    public boolean contains(byte[] b, int off, int len) {
        if (base.contains(b, off, len)) {
            return minus.size() == 0 || !minus.contains(b, off, len);
        }
        return plus.size() > 0 && plus.contains(b, off, len);
    }

    public int size() {
        return base.size() - minus.size() + plus.size();
    }

    /** Names the edits since the last whole read added or removed: what an edit copies. */
    public int overlaySize() {
        return plus.size() + minus.size();
    }

    /** Bytes held, for the bench's memory figures. */
    public long bytes() {
        return base.bytes() + plus.bytes() + minus.bytes();
    }

    /**
     * The names of this set that {@code other} also holds, at most {@code max} of them: walks
     * this set's names (give it the smaller set) and probes the other without a String a name.
     */
    public List<String> common(DomainSet other, int max) {
        List<String> out = new ArrayList<>();
        if (other.size() > 0) {
            base.common(other, minus, max, out);
            plus.common(other, EMPTY, max, out);
        }
        return out;
    }

    /** An edit of this set: the base shared, the small tables copied. */
    public Editor edit() {
        return new Editor(this);
    }

    /** Removes and adds names to a copy of a set; not thread-safe; {@link #build()} once. */
    public static final class Editor {
        private final DomainTable base;
        private final DomainTable.Builder plus;
        private final DomainTable.Builder minus;

        private Editor(DomainSet set) {
            base = set.base;
            plus = DomainTable.copy(set.plus);
            minus = DomainTable.copy(set.minus);
        }

        /**
         * Removes a normalised name.
         *
         * @return false when the name was not in the set
         */
        public boolean remove(byte[] b, int off, int len) {
            if (plus.remove(b, off, len)) {
                return true;
            }
            return base.contains(b, off, len) && minus.add(b, off, len);
        }

        /**
         * Adds a normalised ASCII name.
         *
         * @return false when the name is already in the set
         */
        public boolean add(byte[] b, int off, int len) {
            if (base.contains(b, off, len)) {
                return minus.remove(b, off, len);
            }
            return plus.add(b, off, len);
        }

        public DomainSet build() {
            return new DomainSet(base, plus.build(), minus.build());
        }
    }
}
