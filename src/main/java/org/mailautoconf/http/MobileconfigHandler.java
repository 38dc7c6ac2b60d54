package org.mailautoconf.http;

import java.util.Optional;
import org.mailautoconf.answer.Answers;
import org.mailautoconf.answer.ClientFormat;
import org.mailautoconf.answer.Lookup;
import org.mailautoconf.registry.EmailAddress;

/**
 * Apple profiles: {@code /mobileconfig?emailaddress=ADDR} and the form that is easy to share,
 * {@code /mobileconfig/ADDR}. A profile is always for one address (its identities derive from
 * it). With a signer configured the profile goes out signed (for the domains the registry names:
 * see {@code Answers.signs}): signed once per address on the signing threads, then served from
 * the answer cache, which no limit applies to; a personal one (from a directory) from the
 * directory's kept profiles, as long as its per-address cache keeps the values.
 */
final class MobileconfigHandler {

    private final ExpensiveWork signing;
    private final Answers answers;
    private final DirectoryStep directory;
    private final Responses responses;
    private final boolean signed;
    private final ClientFormat format;

    private final MxWait mx;

    /** @param signing where profiles are signed; used only when {@code signed} */
    MobileconfigHandler(ExpensiveWork signing, Answers answers, DirectoryStep directory, Responses responses, boolean signed,
            MxWait mx) {
        this.signing = signing;
        this.mx = mx;
        this.answers = answers;
        this.directory = directory;
        this.responses = responses;
        this.signed = signed;
        this.format = signed ? ClientFormat.MOBILECONFIG_SIGNED : ClientFormat.MOBILECONFIG;
    }

    void byQuery(Exchange ctx) {
        RequestDomains.withQueryAddress(ctx, responses, address -> {
            if (address.isEmpty()) {
                responses.clientError(ctx, 400, "send ?emailaddress=name@example.org: a profile is made for one address");
                return;
            }
            answer(ctx, address.get());
        });
    }

    void byPath(Exchange ctx) {
        EmailAddress address;
        try {
            address = EmailAddress.parse(ctx.pathParam("address"));
        } catch (IllegalArgumentException e) {
            responses.clientError(ctx, 400, "not a valid address: " + e.getMessage());
            return;
        }
        answer(ctx, address);
    }

    private void answer(Exchange ctx, EmailAddress address) {
        RequestLog.format(ctx, format.label());
        RequestLog.domain(ctx, address.domain().ascii());
        if (!signed) {
            directory.answer(ctx, format, address.domain(), Optional.of(address), lookup -> send(ctx, address, lookup));
            return;
        }
        // A directory that knows the address makes the profile personal (an alias gets its
        // mailbox's settings); signed on the signing threads where the domain's profile is signed.
        directory.personalOr(ctx, format, address, (plan, entry) -> {
            Optional<Lookup> kept = directory.kept(plan, entry);
            if (kept.isPresent()) {
                // Signed before for these values, and kept as long as the directory's cache keeps them.
                send(ctx, address, kept.get());
            } else if (plan.signs()) {
                signing.run(ctx, () -> directory.render(plan, entry), lookup -> send(ctx, address, lookup));
            } else {
                send(ctx, address, directory.render(plan, entry));
            }
        }, () -> fromTemplate(ctx, address));
    }

    /** The signed profile from the provider file's templates: from the cache, or signed once per address. */
    private void fromTemplate(Exchange ctx, EmailAddress address) {
        Optional<Lookup> ready = answers.withoutSigning(format, address.domain(), Optional.of(address));
        if (ready.isPresent() && ready.get() instanceof Lookup.Unresolved) {
            // Hoster mode: the domain's MX decides whether the profile is signed; ask, then come back.
            mx.resolveThen(ctx, address.domain(), inTime -> {
                Optional<Lookup> now = inTime ? answers.withoutSigning(format, address.domain(), Optional.of(address)) : Optional.empty();
                if (!inTime || now.isPresent() && now.get() instanceof Lookup.Unresolved) {
                    send(ctx, address, answers.lookupWithoutMx(format, address.domain(), Optional.of(address)));
                } else if (now.isPresent()) {
                    send(ctx, address, now.get());
                } else {
                    sign(ctx, address);
                }
            });
            return;
        }
        if (ready.isPresent()) {
            send(ctx, address, ready.get());
            return;
        }
        sign(ctx, address);
    }

    private void sign(Exchange ctx, EmailAddress address) {
        // Signing is CPU work of a millisecond or more: the first request per address does it on
        // the signing threads, within the client's budget and the queue's bound.
        signing.run(ctx, () -> answers.lookup(format, address.domain(), Optional.of(address)),
                lookup -> send(ctx, address, lookup));
    }

    private void send(Exchange ctx, EmailAddress address, Lookup lookup) {
        if (lookup instanceof Lookup.Found found) {
            responses.send(ctx, found.answer());
        } else {
            responses.clientError(ctx, 404, "no mail provider is known for " + address.domain().ascii());
        }
    }
}
