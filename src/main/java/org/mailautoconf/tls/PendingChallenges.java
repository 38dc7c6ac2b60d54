package org.mailautoconf.tls;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The HTTP-01 challenges an order is waiting on: token to key authorization. Only what the CA
 * asked for this service's own orders is answered; tokens are never logged.
 */
public final class PendingChallenges {

    private final Map<String, String> byToken = new ConcurrentHashMap<>();

    /** The body to answer {@code /.well-known/acme-challenge/TOKEN} with, when an order waits on it. */
    public Optional<String> answer(String token) {
        return Optional.ofNullable(byToken.get(token));
    }

    void add(String token, String keyAuthorization) {
        byToken.put(token, keyAuthorization);
    }

    void remove(String token) {
        byToken.remove(token);
    }
}
