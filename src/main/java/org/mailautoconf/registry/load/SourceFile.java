package org.mailautoconf.registry.load;

import java.nio.file.Path;
import java.util.List;

/**
 * One provider file as read. {@code root} is null for a file already bound ({@code bound}
 * then holds its binding): a file that stands alone is bound as soon as it is parsed, or taken
 * over unchanged from the previous load.
 */
record SourceFile(String name, Path path, FileStamp stamp, byte[] hash, YamlNode.Mapping root, String id, Location idAt,
        YamlNode.Entry extendsEntry, boolean profile, List<Problem> readProblems, Bound bound) {

    /** Bound on its own: extends nothing, is no profile, and names no CA or logo file (whose content it would depend on). */
    boolean standsAlone() {
        return extendsEntry == null && !profile && root != null && root.entry("caCertificate").isEmpty()
                && root.entry(BrandingBinder.FIELD).isEmpty();
    }

    /** This file without its parse tree: what is kept of it between loads. */
    SourceFile slim() {
        return new SourceFile(name, path, stamp, hash, null, id, idAt, null, false, readProblems, null);
    }

    SourceFile stamped(FileStamp newStamp) {
        return new SourceFile(name, path, newStamp, hash, root, id, idAt, extendsEntry, profile, readProblems, bound);
    }

    /** This file without its parse tree, with its binding. */
    SourceFile boundAs(Bound binding) {
        return new SourceFile(name, path, stamp, hash, null, id, idAt, null, false, readProblems, binding);
    }
}
