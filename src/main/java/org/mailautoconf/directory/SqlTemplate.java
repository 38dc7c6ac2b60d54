package org.mailautoconf.directory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An admin's SQL with named parameters ({@code :address}, {@code :localpart}, {@code :domain}),
 * turned once into JDBC {@code ?} placeholders: the values are always bind parameters, never
 * text in the statement. {@code ::} (a PostgreSQL cast) and quoted text are left alone.
 */
record SqlTemplate(String jdbc, List<String> parameters) {

    static SqlTemplate parse(String sql, String field) {
        StringBuilder out = new StringBuilder();
        List<String> names = new ArrayList<>();
        char quote = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (quote != 0) {
                out.append(c);
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                out.append(c);
            } else if (c == ':' && i + 1 < sql.length() && sql.charAt(i + 1) == ':') {
                out.append("::");
                i++;
            } else if (c == ':' && i + 1 < sql.length() && Character.isLetter(sql.charAt(i + 1))) {
                int end = i + 1;
                while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
                    end++;
                }
                String name = sql.substring(i + 1, end);
                if (!QueryValues.NAMES.contains(name)) {
                    throw new IllegalArgumentException(field + ": unknown parameter :" + name
                            + " (use :address, :localpart or :domain)");
                }
                names.add(name);
                out.append('?');
                i = end - 1;
            } else if (c == '?') {
                throw new IllegalArgumentException(field + ": write :address, :localpart or :domain, not ?");
            } else {
                out.append(c);
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException(field + ": a quote is never closed");
        }
        return new SqlTemplate(out.toString(), List.copyOf(names));
    }

    PreparedStatement prepare(Connection c, Map<String, String> values, int timeoutSeconds) throws SQLException {
        PreparedStatement s = c.prepareStatement(jdbc);
        s.setQueryTimeout(timeoutSeconds);
        s.setMaxRows(2);
        for (int i = 0; i < parameters.size(); i++) {
            String v = values.get(parameters.get(i));
            if (v == null) {
                s.close();
                throw new SQLException("parameter :" + parameters.get(i) + " has no value here");
            }
            s.setString(i + 1, v);
        }
        return s;
    }
}
