package org.mailautoconf.tls;

import java.io.IOException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.mailautoconf.TlsSettings;
import org.shredzone.acme4j.AccountBuilder;
import org.shredzone.acme4j.Authorization;
import org.shredzone.acme4j.Login;
import org.shredzone.acme4j.Order;
import org.shredzone.acme4j.Session;
import org.shredzone.acme4j.Status;
import org.shredzone.acme4j.challenge.Http01Challenge;
import org.shredzone.acme4j.exception.AcmeException;
import org.shredzone.acme4j.exception.AcmeServerException;

/**
 * One ACME order at a time through acme4j: answers each authorization's HTTP-01 challenge from
 * {@link PendingChallenges} (served on the plain HTTP listener), then finalizes with a new key.
 * Used from the renewal thread only.
 */
final class AcmeOrders {

    /** How long the CA may take to validate, to issue, or to answer. */
    private static final Duration WAIT = Duration.ofMinutes(2);
    /** A challenge URL as CAs quote it in their errors: its token must not reach a log. */
    private static final Pattern CHALLENGE_PATH = Pattern.compile("/\\.well-known/acme-challenge/[^\\s\"',;)]*");

    /** A certificate chain and its new key. */
    record Issued(List<X509Certificate> chain, KeyPair key) {}

    /** The order did not give a certificate; {@code refused} names the names the CA did not validate. */
    static final class OrderFailed extends Exception {
        private final Set<String> refused;

        OrderFailed(String message, Set<String> refused) {
            super(scrub(message));
            this.refused = Set.copyOf(refused);
        }

        Set<String> refused() {
            return refused;
        }
    }

    private final TlsSettings.Acme settings;
    private final AcmeState state;
    private final PendingChallenges challenges;
    private Login login;

    AcmeOrders(TlsSettings.Acme settings, AcmeState state, PendingChallenges challenges) {
        this.settings = settings;
        this.state = state;
        this.challenges = challenges;
    }

    Issued order(List<String> names) throws OrderFailed, InterruptedException {
        try {
            Order order = login().newOrder().domains(names).create();
            validate(order);
            KeyPair key = AcmeState.newKeyPair();
            order.execute(key);
            if (order.waitForCompletion(WAIT) != Status.VALID) {
                throw new OrderFailed("the CA did not issue: " + order.getError().map(Object::toString).orElse("no reason given"), Set.of());
            }
            return new Issued(order.getCertificate().getCertificateChain(), key);
        } catch (AcmeServerException e) {
            // A name the CA will not issue for (a blocked or malformed domain) comes back as a
            // problem per identifier: those names wait on their own instead of failing every order.
            Set<String> named = new TreeSet<>();
            e.getProblem().getIdentifier().ifPresent(i -> named.add(i.getDomain()));
            e.getProblem().getSubProblems().forEach(p -> p.getIdentifier().ifPresent(i -> named.add(i.getDomain())));
            named.retainAll(names);
            throw new OrderFailed("the CA answered with an error: " + e.getMessage(), named);
        } catch (AcmeException e) {
            throw new OrderFailed("the CA answered with an error: " + e.getMessage(), Set.of());
        } catch (IOException e) {
            throw new OrderFailed("the account key cannot be read or written: " + e.getMessage(), Set.of());
        }
    }

    /** Starts every pending challenge at once, then waits for each authorization. */
    private void validate(Order order) throws AcmeException, InterruptedException, OrderFailed {
        List<String> tokens = new ArrayList<>();
        Set<String> refused = new TreeSet<>();
        String reason = "";
        try {
            List<Authorization> pending = new ArrayList<>();
            for (Authorization auth : order.getAuthorizations()) {
                if (auth.getStatus() == Status.VALID) {
                    continue;
                }
                Http01Challenge challenge = auth.findChallenge(Http01Challenge.class).orElseThrow(() -> new OrderFailed(
                        "the CA offers no http-01 challenge for " + auth.getIdentifier().getDomain(), Set.of(auth.getIdentifier().getDomain())));
                challenges.add(challenge.getToken(), challenge.getAuthorization());
                tokens.add(challenge.getToken());
                challenge.trigger();
                pending.add(auth);
            }
            for (Authorization auth : pending) {
                if (auth.waitForCompletion(WAIT) != Status.VALID) {
                    refused.add(auth.getIdentifier().getDomain());
                    if (reason.isEmpty()) {
                        reason = auth.findChallenge(Http01Challenge.class).flatMap(c -> c.getError()).map(Object::toString).orElse("");
                    }
                }
            }
        } finally {
            tokens.forEach(challenges::remove);
        }
        if (!refused.isEmpty()) {
            throw new OrderFailed("the CA could not validate " + CertificateStore.describe(List.copyOf(refused))
                    + (reason.isEmpty() ? "" : " (" + reason + ")"), refused);
        }
    }

    private Login login() throws AcmeException, IOException {
        if (login == null) {
            Session session = new Session(settings.directory(), new DirectoryProvider(settings.directoryTrust()));
            AccountBuilder account = new AccountBuilder().agreeToTermsOfService().useKeyPair(state.accountKey());
            settings.email().ifPresent(account::addEmail);
            login = account.createLogin(session);
        }
        return login;
    }

    /** A CA's message without any challenge path (which carries the token). */
    static String scrub(String message) {
        return message == null ? "" : CHALLENGE_PATH.matcher(message).replaceAll("/.well-known/acme-challenge/…");
    }
}
