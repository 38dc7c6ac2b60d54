package org.mailautoconf.answer;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.mailautoconf.directory.Directories;
import org.mailautoconf.directory.PersonalProvider;
import org.mailautoconf.registry.DirectoryUse;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.EmailAddress;
import org.mailautoconf.registry.Provider;
import org.mailautoconf.registry.Registry;

/**
 * The one asynchronous step of an answer that depends on a directory: when the provider names a
 * configured directory and the request names an address, the directory is asked (on its own
 * threads, within its time limit) and the answer is rendered for a {@link PersonalProvider};
 * otherwise, and whenever the directory does not know the address, is slow, down or busy, the
 * answer is the provider file's, from {@link Answers}. The future never fails for a directory's
 * sake. Signed profiles keep the template answer (their signing has its own bounded pool).
 */
public final class DirectoryAnswers implements AutoCloseable {

    private final Answers answers;
    private final AtomicReference<Directories> directories;
    /** The totals of directories replaced by a reload, so the counts in /metrics never go down. */
    private final java.util.Map<Directories.Outcome, java.util.concurrent.atomic.LongAdder> before =
            new java.util.EnumMap<>(Directories.Outcome.class);

    public DirectoryAnswers(Answers answers, Directories directories) {
        this.answers = answers;
        this.directories = new AtomicReference<>(directories);
        for (Directories.Outcome o : Directories.Outcome.values()) {
            before.put(o, new java.util.concurrent.atomic.LongAdder());
        }
    }

    /** Resolutions that ended this way since the service started, across reloads. */
    public long total(Directories.Outcome o) {
        return before.get(o).sum() + directories.get().total(o);
    }

    /** Swaps in a reloaded directories file; the old sources close and their cache goes. */
    public synchronized void replace(Directories next) {
        Directories old = directories.getAndSet(next);
        for (Directories.Outcome o : Directories.Outcome.values()) {
            before.get(o).add(old.total(o));
        }
        old.close();
    }

    public Directories directories() {
        return directories.get();
    }

    /** The directory this request would ask, if any. */
    public Optional<DirectoryUse> use(ClientFormat format, DomainName domain, Optional<EmailAddress> address) {
        if (address.isEmpty() || format == ClientFormat.MOBILECONFIG_SIGNED) {
            return Optional.empty();
        }
        Directories d = directories.get();
        if (d.isEmpty()) {
            // No directories file: not even one more registry lookup on the hot path.
            return Optional.empty();
        }
        return answers.registry().flatMap(r -> r.providerFor(domain)).map(Registry.Match::provider)
                .flatMap(Provider::directory).filter(u -> d.has(u.source()));
    }

    /** Whether answering would ask the directory itself, not its cache (for a per-client budget). */
    public boolean asksDirectory(ClientFormat format, DomainName domain, Optional<EmailAddress> address) {
        return use(format, domain, address).map(u -> directories.get().cached(u.source(), address.get()).isEmpty())
                .orElse(false);
    }

    public CompletableFuture<Lookup> lookup(ClientFormat format, DomainName domain, Optional<EmailAddress> address) {
        Optional<DirectoryUse> use = use(format, domain, address);
        if (use.isEmpty()) {
            return CompletableFuture.completedFuture(answers.lookup(format, domain, address));
        }
        return directories.get().resolve(use.get().source(), address.get()).thenApply(r -> {
            if (!r.entry().found()) {
                return answers.lookup(format, domain, address);
            }
            Optional<Registry.Match> match = answers.registry().flatMap(reg -> reg.providerFor(domain))
                    .filter(m -> m.provider().directory().isPresent());
            return match.isEmpty() ? answers.lookup(format, domain, address)
                    : answers.personal(format, PersonalProvider.of(match.get().provider(), address.get(), r.entry()).provider(),
                            match.get().kind(), domain, address.get());
        });
    }

    /** The template answer at once, for a client whose budget of directory lookups is spent. */
    public Lookup withoutDirectory(ClientFormat format, DomainName domain, Optional<EmailAddress> address) {
        return answers.lookup(format, domain, address);
    }

    @Override
    public void close() {
        directories.get().close();
    }
}
