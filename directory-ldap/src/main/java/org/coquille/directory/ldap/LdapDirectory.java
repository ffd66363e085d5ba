package org.coquille.directory.ldap;

import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javax.net.SocketFactory;

import com.unboundid.ldap.sdk.BindRequest;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.PostConnectProcessor;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.SingleServerSet;
import com.unboundid.ldap.sdk.StartTLSPostConnectProcessor;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustStoreTrustManager;

import org.coquille.core.Person;
import org.coquille.spi.Directory;
import org.coquille.spi.DirectoryUnavailableException;

/**
 * People from LDAP or Active Directory: one search per user id under a base, with a filter such as
 * {@code (sAMAccountName={0})}, over a small pool of connections bound as a service account (LDAPS or StartTLS).
 * No connection is made at start-up, so a server that is down delays nothing.
 */
final class LdapDirectory implements Directory {

    private static final int MAX_CONNECTIONS = 4;

    private final LdapSettings settings;
    private final LDAPConnectionPool pool;
    private final String[] attributes;

    LdapDirectory(LdapSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        List<String> wanted = new ArrayList<>();
        wanted.addAll(settings.name());
        wanted.addAll(settings.email());
        wanted.addAll(settings.department());
        wanted.addAll(settings.site());
        this.attributes = wanted.toArray(String[]::new);
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        int millis = (int) Math.min(Integer.MAX_VALUE, settings.timeout().toMillis());
        options.setConnectTimeoutMillis(millis);
        options.setResponseTimeoutMillis(millis);
        try {
            SocketFactory sockets = null;
            PostConnectProcessor startTls = null;
            if (settings.url().getScheme().equals("ldaps") || settings.startTls()) {
                SSLUtil ssl = new SSLUtil(settings.trustStore().isEmpty() ? JVMDefaultTrustManager.getInstance()
                        : new TrustStoreTrustManager(settings.trustStore(), settings.trustStorePassword().isEmpty()
                                ? null : settings.trustStorePassword().toCharArray(), null, true));
                options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(false)); // the certificate names the host
                if (settings.startTls()) {
                    startTls = new StartTLSPostConnectProcessor(ssl.createSSLSocketFactory());
                } else {
                    sockets = ssl.createSSLSocketFactory();
                }
            }
            SingleServerSet server = new SingleServerSet(settings.url().getHost(), settings.url().getPort(), sockets,
                    options);
            BindRequest bind = settings.bindDn().isEmpty() ? null
                    : new SimpleBindRequest(settings.bindDn(), settings.password());
            this.pool = new LDAPConnectionPool(server, bind, 0, MAX_CONNECTIONS, startTls);
            pool.setRetryFailedOperationsDueToInvalidConnections(true);
        } catch (LDAPException | GeneralSecurityException e) {
            throw new IllegalArgumentException("Coquille cannot set up its LDAP directory "
                    + settings.url() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Person> find(String userId) {
        try {
            Filter filter = Filter.create(settings.filter().replace("{0}", Filter.encodeValue(userId)));
            SearchRequest search = new SearchRequest(settings.base(), SearchScope.SUB, filter, attributes);
            search.setSizeLimit(2);
            search.setTimeLimitSeconds((int) Math.max(1, settings.timeout().toSeconds()));
            SearchResult result = pool.search(search);
            List<SearchResultEntry> entries = result.getSearchEntries();
            if (entries.size() != 1) {
                return Optional.empty(); // nobody, or an ambiguous filter: better the id than someone else's name
            }
            SearchResultEntry entry = entries.get(0);
            return Optional.of(new Person(userId, first(entry, settings.name()), first(entry, settings.email()),
                    first(entry, settings.department()), first(entry, settings.site())));
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED) {
                return Optional.empty();
            }
            throw new DirectoryUnavailableException("LDAP search at " + settings.url() + " failed: "
                    + e.getMessage(), e);
        }
    }

    private static String first(SearchResultEntry entry, List<String> names) {
        for (String name : names) {
            String value = entry.getAttributeValue(name);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    @Override
    public String describe() {
        return "LDAP at " + settings.url().getScheme() + "://" + settings.url().getHost() + ":" + settings.url().getPort()
                + (settings.startTls() ? " (StartTLS)" : "") + ", under " + settings.base();
    }

    @Override
    public void close() {
        pool.close();
    }
}
