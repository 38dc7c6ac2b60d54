package org.mailautoconf.directory;

import java.util.concurrent.TimeUnit;
import org.mailautoconf.directory.Directories.Resolution;
import org.mailautoconf.registry.EmailAddress;

/** Directories as the tests use them: connected once before the first lookup, as the service does. */
final class Opened {

    private Opened() {
    }

    static Directories of(DirectorySettings settings) throws Exception {
        Directories d = Directories.open(settings);
        d.ready().get(30, TimeUnit.SECONDS);
        return d;
    }

    static Resolution resolve(Directories d, String source, String address) throws Exception {
        return d.resolve(source, EmailAddress.parse(address)).get(5, TimeUnit.SECONDS);
    }
}
