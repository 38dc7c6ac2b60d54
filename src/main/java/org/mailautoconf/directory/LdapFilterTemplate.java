package org.mailautoconf.directory;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An admin's LDAP filter with {@code {address}}, {@code {localpart}}, {@code {domain}}: each value
 * is escaped by the SDK ({@link Filter#encodeValue}, RFC 4515: {@code *}, {@code (}, {@code )},
 * {@code \}, NUL and non-ASCII as {@code \XX}) before it goes in, and the result is parsed by
 * {@link Filter#create}, so an address can never change the filter's structure.
 */
final class LdapFilterTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");

    private LdapFilterTemplate() {
    }

    static void check(String template, String field) {
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            if (!QueryValues.NAMES.contains(m.group(1))) {
                throw new IllegalArgumentException(field + ": unknown placeholder {" + m.group(1)
                        + "} (use {address}, {localpart} or {domain})");
            }
        }
        try {
            fill(template, Map.of("address", "a@b.example", "localpart", "a", "domain", "b.example"));
        } catch (LDAPException e) {
            throw new IllegalArgumentException(field + ": not an LDAP filter: " + e.getDiagnosticMessage());
        }
    }

    static Filter fill(String template, Map<String, String> values) throws LDAPException {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new LDAPException(com.unboundid.ldap.sdk.ResultCode.PARAM_ERROR, "no {" + m.group(1) + "} here");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(Filter.encodeValue(value)));
        }
        m.appendTail(out);
        return Filter.create(out.toString());
    }
}
