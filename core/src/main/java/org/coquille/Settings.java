package org.coquille;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import org.coquille.core.NamedPosition;
import org.coquille.core.Rules;
import org.coquille.social.Ideas;

/**
 * Coquille's settings: every {@code coquille.*} key, with its default. Settings come as strings (filter
 * init-params, {@code coquille.properties}, system properties); a bad value fails at start-up with a
 * message naming the key, the value and what is allowed.
 */
public final class Settings {

    /** Where Coquille answers its own requests. */
    public static final String PREFIX = "coquille.prefix";
    /** The folder for the embedded H2 database, the installation key and other files. */
    public static final String WORK_FOLDER = "coquille.workFolder";
    /** The role that makes a user an editor. */
    public static final String EDITOR_ROLE = "coquille.editorRole";
    /** Where identity comes from: {@code container}, {@code header} or {@code session}. */
    public static final String IDENTITY = "coquille.identity";
    /** With {@code identity=header}: the header an SSO proxy sets to the user id. */
    public static final String IDENTITY_HEADER = "coquille.identity.header";
    /** With {@code identity=header}: the header listing the user's roles (comma-separated), optional. */
    public static final String IDENTITY_ROLES_HEADER = "coquille.identity.rolesHeader";
    /** With {@code identity=header}: the proxy addresses the header is trusted from (comma-separated). */
    public static final String IDENTITY_TRUSTED_PROXIES = "coquille.identity.trustedProxies";
    /** With {@code identity=session}: the session attribute holding the user id. */
    public static final String IDENTITY_SESSION_ATTRIBUTE = "coquille.identity.sessionAttribute";
    /** Whether visitors who are not logged in may take part (as one shared anonymous id per browser). */
    public static final String ANONYMOUS = "coquille.anonymous";
    /** The largest page, in bytes, that is buffered to add widgets; larger pages stream through untouched. */
    public static final String MAX_PAGE_SIZE = "coquille.maxPageSize";
    /** How long cached reads may be stale when several nodes share one store. */
    public static final String CACHE_TTL = "coquille.cache.ttl";
    /** How many writes a user may make per minute. */
    public static final String WRITES_PER_MINUTE = "coquille.rateLimit.writesPerMinute";
    /** The reactions offered, comma-separated. */
    public static final String EMOJI = "coquille.emoji";
    /** How long after posting authors may edit or delete their comments. */
    public static final String EDIT_WINDOW = "coquille.comments.editWindow";
    /** The longest comment, in characters. */
    public static final String MAX_COMMENT_LENGTH = "coquille.comments.maxLength";
    /**
     * How many ideas an idea box shows per page (10 by default); the others are on the following pages, in the same
     * order (most votes or newest).
     */
    public static final String IDEAS_PAGE_SIZE = "coquille.ideas.pageSize";
    /** The resource or file listing which widgets are on for which URL patterns. */
    public static final String PAGES_FILE = "coquille.pages";
    /** How often counted page views are written to the store. */
    public static final String VIEWS_FLUSH = "coquille.views.flushInterval";
    /** Query parameters never part of a page id (comma-separated; a trailing {@code *} matches a prefix). */
    public static final String IGNORED_PARAMS = "coquille.page.ignoredParams";
    /** Origins, besides the request's own host, allowed to post (comma-separated). */
    public static final String ALLOWED_ORIGINS = "coquille.allowedOrigins";
    /**
     * How long the usage report keeps the pseudonymous keys of viewers and contributors (an ISO-8601 duration
     * in days, such as P400D); a daily job then deletes them, keeping the daily and weekly figures.
     */
    public static final String REPORT_RETENTION = "coquille.report.retention";

    /**
     * The time zone of the installation (an IANA id such as {@code Europe/Paris}): date poll times are typed and shown
     * in it, and calendar files carry it. Empty: the server's zone.
     */
    public static final String TIME_ZONE = "coquille.timeZone";

    /**
     * Places for the widgets that editors pick by name instead of a CSS selector: entries separated by {@code |}, each
     * {@code name: before|after|inside selector}, such as {@code Après l'article: after div.article | Sous le titre:
     * after h1}. Empty: none, editors write a selector.
     */
    public static final String POSITIONS = "coquille.positions";

    /** Where the host's login page is: the console sends visitors who are not logged in there (empty: a 403 instead). */
    public static final String LOGIN_URL = "coquille.loginUrl";

    /**
     * Who a user id is: {@code none} (ids are shown), {@code csv} (an HR export; see {@code org.coquille.people.Directories}
     * for its {@code coquille.directory.csv.*} settings) or {@code ldap} (with {@code coquille-directory-ldap}).
     */
    public static final String DIRECTORY = "coquille.directory";
    /** How long a person's name, e-mail and department are used before the directory is asked again. */
    public static final String DIRECTORY_REFRESH = "coquille.directory.refresh";
    /** How long a directory that did not answer is left alone (ids are shown meanwhile). */
    public static final String DIRECTORY_RETRY = "coquille.directory.retryInterval";
    /** The fewest distinct people a department needs to have its own line in the report; smaller ones are "other". */
    public static final String DEPARTMENT_MIN_PEOPLE = "coquille.report.departments.minPeople";

    private static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry(DIRECTORY, "none"),
            Map.entry(DIRECTORY_REFRESH, "PT1H"),
            Map.entry(DIRECTORY_RETRY, "PT1M"),
            Map.entry(DEPARTMENT_MIN_PEOPLE, "5"),
            Map.entry(PREFIX, "/_coquille/"),
            Map.entry(WORK_FOLDER, Path.of(System.getProperty("user.home"), ".coquille").toString()),
            Map.entry(EDITOR_ROLE, "coquille-editor"),
            Map.entry(IDENTITY, "container"),
            Map.entry(IDENTITY_HEADER, "X-Remote-User"),
            Map.entry(IDENTITY_ROLES_HEADER, ""),
            Map.entry(IDENTITY_TRUSTED_PROXIES, "127.0.0.1,::1,0:0:0:0:0:0:0:1"),
            Map.entry(IDENTITY_SESSION_ATTRIBUTE, "coquille.user"),
            Map.entry(ANONYMOUS, "false"),
            Map.entry(MAX_PAGE_SIZE, String.valueOf(2 * 1024 * 1024)),
            Map.entry(CACHE_TTL, "PT30S"),
            Map.entry(WRITES_PER_MINUTE, "30"),
            Map.entry(EMOJI, String.join(",", Rules.DEFAULT_EMOJI)),
            Map.entry(EDIT_WINDOW, "PT15M"),
            Map.entry(MAX_COMMENT_LENGTH, "4000"),
            Map.entry(IDEAS_PAGE_SIZE, String.valueOf(Ideas.DEFAULT_PAGE_SIZE)),
            Map.entry(PAGES_FILE, "coquille-pages.properties"),
            Map.entry(VIEWS_FLUSH, "PT10S"),
            Map.entry(IGNORED_PARAMS, "jsessionid,utm_*,fbclid,gclid,mc_cid,mc_eid,coq_*"),
            Map.entry(ALLOWED_ORIGINS, ""),
            Map.entry(LOGIN_URL, ""),
            Map.entry(TIME_ZONE, ""),
            Map.entry(POSITIONS, ""),
            Map.entry(REPORT_RETENTION, "P400D"));

    private final Map<String, String> values;

    private Settings(Map<String, String> values) {
        this.values = values;
    }

    /**
     * Settings from {@code given}, the defaults filling the rest. Keys starting {@code coquille.} that
     * Coquille does not know are rejected, so a typo does not go unnoticed; store providers' own keys
     * ({@code coquille.store*}) pass through. The JDBC store's are documented in
     * {@code org.coquille.store.jdbc.JdbcStoreProvider} (in {@code coquille-store-jdbc}): {@code coquille.store.url}, {@code .user},
     * {@code .password}, {@code .jndi}, and how long a caller may wait on the database,
     * {@code coquille.store.connectionTimeout} (PT2S), {@code .queryTimeout} (PT3S) and {@code .retryInterval} (PT2S).
     */
    public static Settings of(Map<String, String> given) {
        Map<String, String> merged = new TreeMap<>(DEFAULTS);
        for (Map.Entry<String, String> e : given.entrySet()) {
            String key = e.getKey();
            if (!DEFAULTS.containsKey(key) && !key.startsWith("coquille.store") && !isProvidersOwn(key)) {
                throw new IllegalArgumentException("Unknown setting '" + key + "'. Known settings: "
                        + String.join(", ", new TreeMap<>(DEFAULTS).keySet()) + ", coquille.store*");
            }
            merged.put(key, Objects.requireNonNull(e.getValue(), key).strip());
        }
        Settings settings = new Settings(merged);
        settings.validate();
        return settings;
    }

    /** The directory's and the mail's own keys ({@code coquille.directory.ldap.*}, {@code coquille.mail.*}) pass through. */
    private static boolean isProvidersOwn(String key) {
        return key.startsWith("coquille.directory.") || key.startsWith("coquille.mail.");
    }

    public static Settings defaults() {
        return of(Map.of());
    }

    /** Every setting, defaults included, for the store provider. */
    public Map<String, String> asMap() {
        return java.util.Collections.unmodifiableMap(values);
    }

    public String get(String key) {
        return values.get(key);
    }

    /** The prefix, normalised to start and end with {@code /}. */
    public String prefix() {
        String prefix = get(PREFIX);
        prefix = prefix.startsWith("/") ? prefix : "/" + prefix;
        return prefix.endsWith("/") ? prefix : prefix + "/";
    }

    public Path workFolder() {
        return Path.of(get(WORK_FOLDER));
    }

    public boolean flag(String key) {
        String value = get(key);
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw bad(key, value, "true or false");
        }
        return Boolean.parseBoolean(value);
    }

    public int positiveInt(String key) {
        String value = get(key);
        try {
            int n = Integer.parseInt(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(key, value, "a whole number above 0");
    }

    public Duration duration(String key) {
        return durationOf(key, get(key));
    }

    /**
     * {@code value}, the setting {@code key}, as an ISO-8601 duration above zero, or an error that says what is
     * allowed: for the modules that read settings of their own ({@code coquille.mail.*}, {@code coquille.ldap.*}).
     */
    public static Duration durationOf(String key, String value) {
        try {
            Duration d = Duration.parse(value);
            if (!d.isNegative() && !d.isZero()) {
                return d;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw bad(key, value, "an ISO-8601 duration above zero such as PT30S or PT15M");
    }

    public List<String> list(String key) {
        String value = get(key);
        return value.isBlank() ? List.of() : Arrays.stream(value.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }

    /** The time zone {@link #TIME_ZONE} names, or empty when it is not set (the server's zone then). */
    public Optional<ZoneId> timeZone() {
        String value = get(TIME_ZONE);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(value));
        } catch (DateTimeException e) {
            String hint = ZoneId.getAvailableZoneIds().stream().filter(id -> id.equalsIgnoreCase(value)).findFirst()
                    .map(id -> " (did you mean " + id + "?)").orElse("");
            throw bad(TIME_ZONE, value, "a time zone id such as Europe/Paris, America/Montreal or UTC, or nothing for the"
                    + " server's zone" + hint);
        }
    }

    /** The named positions {@link #POSITIONS} lists, in order. */
    public List<NamedPosition> positions() {
        try {
            return NamedPosition.parseAll(get(POSITIONS));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Setting " + POSITIONS + ": " + e.getMessage(), e);
        }
    }

    /** The rules for user input that these settings give. */
    public Rules rules() {
        return Rules.defaults().withEmoji(list(EMOJI)).withEditWindow(duration(EDIT_WINDOW))
                .withMaxCommentLength(positiveInt(MAX_COMMENT_LENGTH));
    }

    private void validate() {
        String identity = get(IDENTITY);
        if (!List.of("container", "header", "session").contains(identity)) {
            throw bad(IDENTITY, identity, "container, header or session");
        }
        flag(ANONYMOUS);
        timeZone();
        positions();
        positiveInt(MAX_PAGE_SIZE);
        positiveInt(WRITES_PER_MINUTE);
        positiveInt(MAX_COMMENT_LENGTH);
        positiveInt(IDEAS_PAGE_SIZE);
        duration(CACHE_TTL);
        duration(EDIT_WINDOW);
        duration(VIEWS_FLUSH);
        duration(DIRECTORY_REFRESH);
        duration(DIRECTORY_RETRY);
        positiveInt(DEPARTMENT_MIN_PEOPLE);
        if (duration(REPORT_RETENTION).toDays() < 7) {
            throw bad(REPORT_RETENTION, get(REPORT_RETENTION), "a duration of at least 7 days, such as P400D");
        }
        if (list(EMOJI).isEmpty()) {
            throw bad(EMOJI, get(EMOJI), "at least one emoji, comma-separated");
        }
    }

    private static IllegalArgumentException bad(String key, String value, String allowed) {
        return new IllegalArgumentException("Setting " + key + " is '" + value + "'; allowed: " + allowed);
    }
}
