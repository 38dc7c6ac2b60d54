package org.mailautoconf.registry.load;

import org.mailautoconf.registry.LoginTemplate;

/** Checks the placeholders of a template ({@code %EMAILADDRESS%*%EMAILLOCALPART%}). */
final class Templates {

    private Templates() {
    }

    /** Null when every {@code %...%} is a known placeholder, else a sentence saying which is not. */
    static String check(String template) {
        int i = 0;
        while ((i = template.indexOf('%', i)) >= 0) {
            int end = template.indexOf('%', i + 1);
            if (end < 0) {
                return "'" + template.substring(i) + "' opens a placeholder that is never closed; placeholders are "
                        + String.join(", ", LoginTemplate.PLACEHOLDERS);
            }
            String placeholder = template.substring(i, end + 1);
            if (!LoginTemplate.PLACEHOLDERS.contains(placeholder)) {
                return "unknown placeholder " + placeholder + "; known: " + String.join(", ", LoginTemplate.PLACEHOLDERS);
            }
            i = end + 1;
        }
        return null;
    }
}
