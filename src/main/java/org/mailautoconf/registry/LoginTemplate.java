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
