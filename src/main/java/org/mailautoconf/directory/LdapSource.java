package org.mailautoconf.directory;

import com.unboundid.ldap.sdk.BindRequest;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.StartTLSPostConnectProcessor;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.EmailAddress;

/**
 * An LDAP directory through UnboundID's SDK: a small pool of connections made on first use, each
 * bound with the configured DN, over ldaps or StartTLS; every operation limited to the timeout.
 */
final class LdapSource implements DirectorySource {

    private final SourceSettings.Ldap settings;
    private final Duration timeout;
    /** The attributes a lookup asks for, fixed by the settings: made once, not per lookup. */
    private final String[] requested;
    private LDAPConnectionPool pool;

    LdapSource(SourceSettings.Ldap settings, Duration timeout) {
        this.settings = settings;
        this.timeout = timeout;
        this.requested = settings.attributes().values().toArray(String[]::new);
    }

    @Override
    public DirectoryEntry lookup(EmailAddress address) throws DirectoryException {
        Optional<SearchResultEntry> entry = search(settings.filter(), QueryValues.of(address), requested);
        if (entry.isEmpty()) {
            return DirectoryEntry.UNKNOWN;
        }
        SearchResultEntry e = entry.get();
        return DirectoryEntry.of(value(e, "login"), value(e, "incomingLogin"), value(e, "outgoingLogin"),
                value(e, "activeSyncLogin"), value(e, "displayName"), value(e, "canonicalAddress"));
    }

    @Override
    public Optional<Boolean> hostsDomain(DomainName domain) throws DirectoryException {
        if (settings.domainFilter().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(search(settings.domainFilter().get(), QueryValues.of(domain), "1.1").isPresent());
    }

    @Override
    public void warm() throws DirectoryException {
        try {
            pool();
        } catch (LDAPException e) {
            throw failure(e);
        }
    }

    private DirectoryException failure(LDAPException e) {
        // The result code only, never the server's message (as SqlSource gives only the SQLState).
        return new DirectoryException("LDAP source " + settings.name() + ": " + e.getResultCode().getName());
    }

    private Optional<String> value(SearchResultEntry e, String key) {
        String attribute = settings.attributes().get(key);
        return attribute == null ? Optional.empty() : Optional.ofNullable(e.getAttributeValue(attribute)).filter(v -> !v.isBlank());
    }

    private Optional<SearchResultEntry> search(String template, Map<String, String> values, String... attributes)
            throws DirectoryException {
        try {
            Filter filter = LdapFilterTemplate.fill(template, values);
            SearchRequest request = new SearchRequest(settings.baseDn(), SearchScope.SUB, filter, attributes);
            request.setSizeLimit(2);
            request.setResponseTimeoutMillis(timeout.toMillis());
            request.setTimeLimitSeconds((int) Math.max(1, timeout.toSeconds()));
            SearchResult result = pool().search(request);
            // Two entries for one address is a directory mistake: no guess, the template answer.
            return result.getEntryCount() == 1 ? Optional.of(result.getSearchEntries().get(0)) : Optional.empty();
        } catch (LDAPException e) {
            if (e.getResultCode() == com.unboundid.ldap.sdk.ResultCode.SIZE_LIMIT_EXCEEDED) {
                return Optional.empty();
            }
            throw failure(e);
        }
    }

    private synchronized LDAPConnectionPool pool() throws LDAPException {
        if (pool == null || pool.isClosed()) {
            pool = connect();
        }
        return pool;
    }

    private LDAPConnectionPool connect() throws LDAPException {
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis((int) timeout.toMillis());
        options.setResponseTimeoutMillis(timeout.toMillis());
        // The certificate must name the host in the URL, as for https.
        options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
        boolean ldaps = settings.url().getScheme().equals("ldaps");
        int port = settings.url().getPort() > 0 ? settings.url().getPort() : ldaps ? 636 : 389;
        SSLUtil ssl = sslUtil();
        LDAPConnection first;
        StartTLSPostConnectProcessor startTls = null;
        try {
            if (ldaps) {
                first = new LDAPConnection(ssl.createSSLSocketFactory(), options, settings.url().getHost(), port);
            } else {
                first = new LDAPConnection(options, settings.url().getHost(), port);
                if (settings.startTls()) {
                    SSLContext context = ssl.createSSLContext();
                    startTls = new StartTLSPostConnectProcessor(context);
                    startTls.processPreAuthenticatedConnection(first);
                }
            }
        } catch (GeneralSecurityException e) {
            throw new LDAPException(com.unboundid.ldap.sdk.ResultCode.LOCAL_ERROR, "TLS setup failed");
        }
        BindRequest bind = settings.bindDn().isPresent()
                ? new SimpleBindRequest(settings.bindDn().get(), settings.password().map(Secret::value).orElse(""))
                : null;
        try {
            if (bind != null) {
                first.bind(bind);
            }
            LDAPConnectionPool p = new LDAPConnectionPool(first, 1, 4, startTls, true);
            if (bind != null) {
                p.setBindRequest(bind);
            }
            p.setMaxWaitTimeMillis(timeout.toMillis());
            return p;
        } catch (LDAPException e) {
            first.close();
            throw e;
        }
    }

    private SSLUtil sslUtil() {
        if (settings.caFile().isEmpty()) {
            return new SSLUtil();
        }
        return new SSLUtil(new PemTrust(settings.caFile().get()).trustManager());
    }

    @Override
    public synchronized void close() {
        if (pool != null) {
            pool.close();
        }
    }
}
