package org.mailautoconf.format.setuppage;

import java.util.Locale;
import java.util.Optional;

/**
 * The mail apps the setup page has a guide for. {@link #key()} is the value of {@code ?app=} and
 * the prefix of the guide's texts in the message bundles.
 */
public enum Guide {
    IPHONE("iphone", Setup.PROFILE),
    MAC("mac", Setup.PROFILE),
    /** Thunderbird reads the provider's autoconfig file (ISPDB, autoconfig.<domain>). */
    THUNDERBIRD("thunderbird", Setup.LOOKUP),
    /** Outlook asks Autodiscover (through Microsoft's AutoDetect first, for 2016 and later). */
    OUTLOOK("outlook", Setup.LOOKUP),
    /** Reads autoconfig (no POP3; rejects a file with a server it cannot use: shared formats E.3). */
    THUNDERBIRD_ANDROID("thunderbird-android", Setup.LOOKUP),
    /** Gmail and Samsung Email: we found no documented lookup of a provider's own settings. */
    GMAIL("gmail", Setup.MANUAL),
    SAMSUNG("samsung", Setup.MANUAL),
    /** FairEmail asks RFC 6186 SRV records, then autoconfig (shared formats G.8). */
    FAIREMAIL("fairemail", Setup.LOOKUP);

    /** How the app learns the settings. */
    public enum Setup {
        /** From the Apple configuration profile this service makes: the person types only the password. */
        PROFILE,
        /** By itself from the address: the person types the address and the password. */
        LOOKUP,
        /** The person types every value. */
        MANUAL
    }

    private final String key;
    private final Setup setup;

    Guide(String key, Setup setup) {
        this.key = key;
        this.setup = setup;
    }

    public String key() {
        return key;
    }

    public Setup setup() {
        return setup;
    }

    public static Optional<Guide> byKey(String key) {
        String wanted = key.strip().toLowerCase(Locale.ROOT);
        for (Guide g : values()) {
            if (g.key.equals(wanted)) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }

    /** An explicit choice ({@code ?app=}) wins; then the browser's {@code User-Agent}; else none. */
    public static Optional<Guide> choose(Optional<String> explicit, Optional<String> userAgent) {
        Optional<Guide> chosen = explicit.flatMap(Guide::byKey);
        return chosen.isPresent() ? chosen : userAgent.flatMap(Guide::fromUserAgent);
    }

    /**
     * The likeliest app for the device the page is open on. The page is read in a browser, so
     * the user agent names the platform more often than the app: an app's own web view
     * (Thunderbird, Outlook) names itself; otherwise the platform's usual mail app is chosen,
     * and a Firefox user is offered Mozilla's mail app. iPadOS Safari says "Macintosh" by
     * default, so an iPad gets the Mac guide; the person changes it with one tap.
     */
    static Optional<Guide> fromUserAgent(String userAgent) {
        String ua = userAgent.toLowerCase(Locale.ROOT);
        if (ua.contains("thunderbird/")) {
            return Optional.of(THUNDERBIRD);
        }
        if (ua.contains("microsoft outlook") || ua.contains("microsoft office") || ua.contains("ms-office")
                || ua.contains("macoutlook")) {
            return Optional.of(OUTLOOK);
        }
        if (ua.contains("fairemail")) {
            return Optional.of(FAIREMAIL);
        }
        if (ua.contains("iphone") || ua.contains("ipad") || ua.contains("ipod")) {
            return Optional.of(IPHONE);
        }
        if (ua.contains("android")) {
            // Samsung Internet names itself; older Chrome still names the model (SM-...).
            if (ua.contains("samsungbrowser") || ua.contains("samsung sm-") || ua.contains("; sm-")) {
                return Optional.of(SAMSUNG);
            }
            return Optional.of(ua.contains("firefox/") ? THUNDERBIRD_ANDROID : GMAIL);
        }
        if (ua.contains("macintosh") || ua.contains("mac os x")) {
            return Optional.of(MAC);
        }
        if (ua.contains("windows")) {
            return Optional.of(ua.contains("firefox/") ? THUNDERBIRD : OUTLOOK);
        }
        if (ua.contains("linux") || ua.contains("x11")) {
            return Optional.of(THUNDERBIRD);
        }
        return Optional.empty();
    }
}
