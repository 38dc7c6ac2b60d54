package org.mailautoconf.registry;

import java.util.List;
import java.util.Optional;

/** How a server's login name is made from the user's address. */
public sealed interface LoginTemplate {

    String EMAILADDRESS = "%EMAILADDRESS%";
    String EMAILLOCALPART = "%EMAILLOCALPART%";
    String EMAILDOMAIN = "%EMAILDOMAIN%";
    List<String> PLACEHOLDERS = List.of(EMAILADDRESS, EMAILLOCALPART, EMAILDOMAIN);

    /** The login name for this address, or empty where the user has to type it. */
    Optional<String> loginFor(EmailAddress address);

    /**
     * A template such as {@code %EMAILADDRESS%*%EMAILLOCALPART%}: placeholders and literal text.
     */
    record Derived(String template) implements LoginTemplate {

        public static final Derived EMAIL_ADDRESS = new Derived(EMAILADDRESS);

        @Override
        public Optional<String> loginFor(EmailAddress address) {
            return Optional.of(fill(template, address));
        }

        /** True when the template names no placeholder, so every user gets the same login. */
        public boolean isLiteral() {
            return PLACEHOLDERS.stream().noneMatch(template::contains);
        }
    }

    /**
     * The login name cannot be derived from the address (Halnet's separate SMTP credentials):
     * clients leave it for the user, and {@code hint} tells the user what to type.
     */
    record AskUser(LocalizedText hint) implements LoginTemplate {

        /**
         * What formats that cannot leave the login out carry instead (config-v1.1 and the
         * Outlook answer). Thunderbird desktop turns a missing {@code <username>} into the
         * string "undefined" and an empty one into "true", uses it without asking and never
         * checks the SMTP login; Thunderbird for Android rejects the whole document; both read
         * Autodiscover's missing {@code LoginName} as the address. A visible stand-in shows in
         * Thunderbird's summary and fails the login check of the clients that make one, so no
         * client goes on with a plausible wrong name (formats.md A.1, B.5, G.1).
         */
        public static final String STAND_IN = "TYPE-YOUR-LOGIN-HERE";

        @Override
        public Optional<String> loginFor(EmailAddress address) {
            return Optional.empty();
        }
    }

    /** Replaces the address placeholders in any text (templates, redirect addresses). */
    static String fill(String text, EmailAddress address) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        return text.replace(EMAILADDRESS, address.toString())
                .replace(EMAILLOCALPART, address.localPart())
                .replace(EMAILDOMAIN, address.domain().ascii());
    }
}
