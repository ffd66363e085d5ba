package org.coquille.directory.ldap;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;

import org.coquille.Settings;

/**
 * The {@code coquille.directory.ldap.*} settings, checked once: a bad one fails at start-up with its name.
 *
 * @param url           {@code ldap://host:389} or {@code ldaps://host:636}
 * @param startTls      whether to upgrade an {@code ldap://} connection with StartTLS
 * @param bindDn        who Coquille binds as (empty: anonymous)
 * @param password      the bind password
 * @param base          where people are searched, such as {@code ou=people,dc=example,dc=com}
 * @param filter        the search filter, {@code {0}} standing for the (escaped) user id
 * @param name          the attributes holding the display name, the first present wins
 * @param email         the attributes holding the e-mail address
 * @param department    the attributes holding the department
 * @param site          the attributes holding the site (may be empty)
 * @param timeout       how long a connection or a search may take
 * @param trustStore    a trust store for LDAPS/StartTLS, or empty for the JVM's
 * @param trustStorePassword its password, or empty
 */
record LdapSettings(LDAPURL url, boolean startTls, String bindDn, String password, String base, String filter,
                    List<String> name, List<String> email, List<String> department, List<String> site,
                    Duration timeout, String trustStore, String trustStorePassword) {

    static final String PREFIX = "coquille.directory.ldap.";

    static LdapSettings of(Map<String, String> s) {
        String url = required(s, "url");
        LDAPURL ldapUrl;
        try {
            ldapUrl = new LDAPURL(url);
        } catch (LDAPException e) {
            throw bad("url", url, "an LDAP URL such as ldap://ad.example.com:389 or ldaps://ad.example.com:636");
        }
        if (!ldapUrl.getScheme().equals("ldap") && !ldapUrl.getScheme().equals("ldaps")) {
            throw bad("url", url, "an ldap:// or ldaps:// URL");
        }
        boolean startTls = flag(s, "startTls");
        if (startTls && ldapUrl.getScheme().equals("ldaps")) {
            throw bad("startTls", "true", "false with an ldaps:// URL (it is encrypted already)");
        }
        String filter = get(s, "filter", "(uid={0})");
        if (!filter.contains("{0}")) {
            throw bad("filter", filter, "a filter with {0} where the user id goes, such as (uid={0}) or "
                    + "(sAMAccountName={0})");
        }
        return new LdapSettings(ldapUrl, startTls, get(s, "bindDn", ""), get(s, "password", ""), required(s, "base"),
                filter, attributes(s, "nameAttribute", "displayName,cn"), attributes(s, "emailAttribute", "mail"),
                attributes(s, "departmentAttribute", "department,ou"), attributes(s, "siteAttribute", "l"),
                duration(s, "timeout", "PT2S"), get(s, "trustStore", ""), get(s, "trustStorePassword", ""));
    }

    private static String get(Map<String, String> s, String key, String otherwise) {
        String value = s.get(PREFIX + key);
        return value == null ? otherwise : value.strip();
    }

    private static String required(Map<String, String> s, String key) {
        String value = get(s, key, "");
        if (value.isEmpty()) {
            throw bad(key, value, "a value (coquille.directory=ldap needs it)");
        }
        return value;
    }

    private static boolean flag(Map<String, String> s, String key) {
        String value = get(s, key, "false");
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw bad(key, value, "true or false");
        }
        return Boolean.parseBoolean(value);
    }

    private static List<String> attributes(Map<String, String> s, String key, String otherwise) {
        return Arrays.stream(get(s, key, otherwise).split(",")).map(String::strip).filter(a -> !a.isEmpty()).toList();
    }

    private static Duration duration(Map<String, String> s, String key, String otherwise) {
        return Settings.durationOf(PREFIX + key, get(s, key, otherwise));
    }

    private static IllegalArgumentException bad(String key, String value, String allowed) {
        return new IllegalArgumentException("Setting " + PREFIX + key + " is '" + value + "'; allowed: " + allowed);
    }
}
