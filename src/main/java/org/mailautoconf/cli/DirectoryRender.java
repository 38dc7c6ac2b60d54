package org.mailautoconf.cli;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.mailautoconf.directory.Directories;
import org.mailautoconf.directory.DirectoryFile;
import org.mailautoconf.directory.PersonalProvider;
import org.mailautoconf.registry.EmailAddress;
import org.mailautoconf.registry.Provider;

/**
 * {@code render --directories}: asks the provider's directory once, as {@code serve} would, and
 * says on standard error where each value of the answer came from (never the values themselves:
 * the answer on standard output shows them).
 */
final class DirectoryRender {

    private DirectoryRender() {
    }

    static Provider personal(DirectoryOptions options, Provider p, EmailAddress address) {
        if (p.directory().isEmpty()) {
            return p;
        }
        String source = p.directory().get().source();
        if (options.file().isEmpty()) {
            System.err.println("mailautoconf: provider " + p.id() + " names directory " + source
                    + "; without --directories every value comes from the provider file's templates");
            return p;
        }
        try (Directories d = Directories.open(DirectoryFile.read(options.file().get()))) {
            if (!d.has(source)) {
                System.err.println("mailautoconf: the directories file has no source " + source + ": the templates answer");
                return p;
            }
            d.ready().get(30, TimeUnit.SECONDS);
            Directories.Resolution r = d.resolve(source, address).get(30, TimeUnit.SECONDS);
            System.err.println("mailautoconf: directory " + source + ": " + r.outcome().name().toLowerCase(java.util.Locale.ROOT));
            PersonalProvider personal = PersonalProvider.of(p, address, r.entry());
            personal.origins().forEach(o -> System.err.println("mailautoconf: " + o));
            return personal.provider();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return p;
        } catch (IllegalArgumentException e) {
            System.err.println("mailautoconf: " + e.getMessage() + "; the templates answer");
            return p;
        } catch (ExecutionException | TimeoutException e) {
            System.err.println("mailautoconf: directory " + source + " did not answer: the templates answer");
            return p;
        }
    }
}
