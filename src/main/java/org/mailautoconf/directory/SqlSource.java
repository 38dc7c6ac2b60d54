package org.mailautoconf.directory;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.EmailAddress;

/**
 * A SQL directory over JDBC with a small HikariCP pool, made on first use (a database that is down
 * at start does not stop the service). Columns are read by label: {@code login},
 * {@code incoming_login}, {@code outgoing_login}, {@code activesync_login}, {@code display_name},
 * {@code canonical_address}; any the query does not select are simply absent.
 */
final class SqlSource implements DirectorySource {

    private final SourceSettings.Sql settings;
    private final Duration timeout;
    private HikariDataSource pool;

    SqlSource(SourceSettings.Sql settings, Duration timeout) {
        this.settings = settings;
        this.timeout = timeout;
    }

    @Override
    public DirectoryEntry lookup(EmailAddress address) throws DirectoryException {
        try (Connection c = pool().getConnection();
                PreparedStatement s = settings.lookup().prepare(c, QueryValues.of(address), seconds());
                ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                return DirectoryEntry.UNKNOWN;
            }
            Map<String, String> row = row(rs);
            if (rs.next()) {
                return DirectoryEntry.UNKNOWN;
            }
            return DirectoryEntry.of(col(row, "login"), col(row, "incoming_login"), col(row, "outgoing_login"),
                    col(row, "activesync_login"), col(row, "display_name"), col(row, "canonical_address"));
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public Optional<Boolean> hostsDomain(DomainName domain) throws DirectoryException {
        if (settings.domain().isEmpty()) {
            return Optional.empty();
        }
        try (Connection c = pool().getConnection();
                PreparedStatement s = settings.domain().get().prepare(c, QueryValues.of(domain), seconds());
                ResultSet rs = s.executeQuery()) {
            return Optional.of(rs.next());
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public void warm() throws DirectoryException {
        try (Connection c = pool().getConnection()) {
            c.isValid(seconds());
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private DirectoryException failure(SQLException e) {
        // SQLState only: a driver's message may quote the statement or a value.
        return new DirectoryException("SQL source " + settings.name() + ": SQLState " + e.getSQLState());
    }

    private int seconds() {
        return (int) Math.max(1, (timeout.toMillis() + 999) / 1000);
    }

    private static Map<String, String> row(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        Map<String, String> row = new HashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            row.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), rs.getString(i));
        }
        return row;
    }

    private static Optional<String> col(Map<String, String> row, String label) {
        return Optional.ofNullable(row.get(label)).filter(v -> !v.isBlank());
    }

    private synchronized HikariDataSource pool() {
        if (pool == null) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(settings.url());
            settings.user().ifPresent(config::setUsername);
            settings.password().ifPresent(p -> config.setPassword(p.value()));
            config.setPoolName("directory-" + settings.name());
            config.setMaximumPoolSize(settings.poolSize());
            config.setMinimumIdle(1);
            config.setReadOnly(true);
            config.setAutoCommit(true);
            // Half the lookup's time: a refused login is an error the caller sees, not a timeout.
            config.setConnectionTimeout(Math.max(250, timeout.toMillis() / 2));
            config.setValidationTimeout(Math.max(250, timeout.toMillis()));
            // Start without a connection: a database down at start is retried per lookup.
            config.setInitializationFailTimeout(-1);
            // The drivers' own limits, so that a silent server frees the worker soon after the
            // lookup gave up (their defaults wait 10 to 30 s or forever).
            if (settings.url().startsWith("jdbc:postgresql:")) {
                // pgjdbc counts seconds.
                config.addDataSourceProperty("connectTimeout", Integer.toString(seconds()));
                config.addDataSourceProperty("socketTimeout", Integer.toString(seconds() + 1));
            } else if (settings.url().startsWith("jdbc:mariadb:")) {
                // MariaDB's Connector/J (for MySQL servers too) counts milliseconds.
                config.addDataSourceProperty("connectTimeout", Long.toString(timeout.toMillis()));
                config.addDataSourceProperty("socketTimeout", Long.toString(timeout.toMillis() + 1000));
            }
            pool = new HikariDataSource(config);
        }
        return pool;
    }

    @Override
    public synchronized void close() {
        if (pool != null) {
            pool.close();
        }
    }
}
