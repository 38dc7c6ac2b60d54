package org.mailautoconf.answer;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.mailautoconf.directory.Directories;
import org.mailautoconf.directory.DirectoryEntry;
import org.mailautoconf.directory.PersonalProvider;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.EmailAddress;
import org.mailautoconf.registry.Provider;
import org.mailautoconf.registry.Registry;

/**
 * The one asynchronous step of an answer that depends on a directory. For a request with an
 * address whose provider (listed or chosen by MX) names a configured directory, a
 * {@link Personal} plan is made from the one provider choice of the request; the directory is
 * asked (on its own threads, within its time limit, or its cache) and the answer rendered for a
 * {@link PersonalProvider}. Whenever the directory does not know the address, is slow, down or
 * busy, the answer is the provider file's, from {@link Answers}. Signed profiles are personal
 * too; whether one is signed follows {@link Answers#signs}, and the caller signs it off the
 * event loop; once made it is kept in {@link SignedProfiles} for the directory's cache time.
 */
public final class DirectoryAnswers implements AutoCloseable {

    /**
     * One request's directory step: the provider as the request found it (so the answer needs
     * no second registry lookup) and the source to ask.
     */
    public record Personal(ClientFormat format, Registry.Match match, String source, DomainName domain,
            EmailAddress address) {

        /** Whether the answer is a signature to make (a signed profile for a listed or MX-verified domain). */
        public boolean signs() {
            return Answers.signs(format, match.kind());
        }
    }

    private final Answers answers;
    private final AtomicReference<Directories> directories;
    /** The signed personal profiles made from the current directories; a reload starts anew. */
    private final AtomicReference<SignedProfiles> signed;
    /** Completes when the directories the service started with have each connected once or given up. */
    private final CompletableFuture<Void> started;
    /** The totals of directories replaced by a reload, so the counts in /metrics never go down. */
    private final Map<Directories.Outcome, LongAdder> before = new EnumMap<>(Directories.Outcome.class);

    public DirectoryAnswers(Answers answers, Directories directories) {
        this.answers = answers;
        this.directories = new AtomicReference<>(directories);
        this.signed = new AtomicReference<>(new SignedProfiles(directories.settings().cacheFor()));
        this.started = directories.ready();
        for (Directories.Outcome o : Directories.Outcome.values()) {
            before.put(o, new LongAdder());
        }
    }

    /** Resolutions that ended this way since the service started, across reloads. */
    public long total(Directories.Outcome o) {
        return before.get(o).sum() + directories.get().total(o);
    }

    /** Swaps in a reloaded directories file; the old sources close and their cache goes. */
    public synchronized void replace(Directories next) {
        Directories old = directories.getAndSet(next);
        signed.set(new SignedProfiles(next.settings().cacheFor()));
        for (Directories.Outcome o : Directories.Outcome.values()) {
            before.get(o).add(old.total(o));
        }
        old.close();
    }

    public Directories directories() {
        return directories.get();
    }

    /**
     * Completes once each directory the service started with has connected, or its first connect
     * attempt failed or ran out of time ({@link Directories#ready}): until then {@code /readyz}
     * says not ready, so no load balancer sends a request to a directory still connecting.
     */
    public CompletableFuture<Void> started() {
        return started;
    }

    /** Whether no request can ask a directory (no directories file, or no address): then no step is made. */
    public boolean skips(Optional<EmailAddress> address) {
        return address.isEmpty() || directories.get().isEmpty();
    }

    /** The directory step for this request's provider choice, if its provider names a configured source. */
    public Optional<Personal> plan(ClientFormat format, ProviderChoice choice, DomainName domain, Optional<EmailAddress> address) {
        if (address.isEmpty()) {
            return Optional.empty();
        }
        Directories d = directories.get();
        return choice.provider().flatMap(m -> m.provider().directory().filter(u -> d.has(u.source()))
                .map(u -> new Personal(format, m, u.source(), domain, address.get())));
    }

    /** What the directory's cache holds for the plan's address, without asking it. */
    public Optional<DirectoryEntry> cached(Personal p) {
        return directories.get().cached(p.source(), p.address()).map(Directories.Resolution::entry);
    }

    /**
     * Asks the directory; completes within its time limit, never exceptionally: a directory that
     * did not answer resolves to {@link DirectoryEntry#UNKNOWN} with an outcome that says so.
     */
    public CompletableFuture<Directories.Resolution> resolve(Personal p) {
        return directories.get().resolve(p.source(), p.address());
    }

    /** A signed personal profile made before for this plan and these values, if it is still kept. */
    public Optional<Lookup> kept(Personal p, DirectoryEntry entry) {
        return p.signs() && entry.found() ? signed.get().get(p, entry) : Optional.empty();
    }

    /**
     * The answer for what the directory said: the personal provider's, or for an address it does
     * not know the provider file's. For a signed profile that {@link Personal#signs}, this
     * signs: call it off the event loop.
     */
    public Lookup answer(Personal p, DirectoryEntry entry) {
        if (!entry.found()) {
            return template(p.format(), p.domain(), Optional.of(p.address()), false);
        }
        Provider personal = PersonalProvider.of(p.match().provider(), p.address(), entry).provider();
        Lookup answer = answers.personal(Answers.made(p.format(), p.match().kind()), personal, p.match().kind(), p.domain(), p.address());
        if (p.signs()) {
            // A signature is the costly part: kept as long as the directory's cache keeps the values.
            signed.get().put(p, entry, answer);
        }
        return answer;
    }

    /**
     * The provider file's answer, from the answer cache; {@code mxUnknown}: the domain's MX was
     * asked for and did not come in time, so it is answered as if it named no provider.
     */
    public Lookup template(ClientFormat format, DomainName domain, Optional<EmailAddress> address, boolean mxUnknown) {
        Lookup l = mxUnknown ? null : answers.lookup(format, domain, address);
        // Unresolved after all: the kept MX answer expired since the choice (a TTL of 0).
        return l == null || l instanceof Lookup.Unresolved ? answers.lookupWithoutMx(format, domain, address) : l;
    }

    /**
     * The whole step where no event loop waits (tests, tools): the MX is not asked for (a domain
     * whose MX answer is not kept is answered without it) and no client budget applies.
     */
    public CompletableFuture<Lookup> lookup(ClientFormat format, DomainName domain, Optional<EmailAddress> address) {
        ProviderChoice choice = answers.choose(domain);
        Optional<Personal> plan = plan(format, choice, domain, address);
        return plan.isEmpty() ? CompletableFuture.completedFuture(template(format, domain, address, choice instanceof ProviderChoice.Unresolved))
                : resolve(plan.get()).thenApply(r -> answer(plan.get(), r.entry()));
    }

    @Override
    public void close() {
        directories.get().close();
    }
}
