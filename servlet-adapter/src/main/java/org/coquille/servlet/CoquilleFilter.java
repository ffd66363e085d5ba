package org.coquille.servlet;

import java.io.IOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.coquille.Coquille;
import org.coquille.PageLook;
import org.coquille.Settings;
import org.coquille.SettingsSources;
import org.coquille.http.HttpResponse;
import org.coquille.inject.Injection;
import org.coquille.inject.PageBuffer;
import org.coquille.inject.PageBuffers;
import org.coquille.WarnOnce;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds Coquille's widgets to the pages of a Jakarta Servlet 6 web application, and answers Coquille's own
 * requests under its prefix ({@code /_coquille/} by default). Pages are held back only when they can take
 * widgets (200, HTML, not compressed, under the size cap); everything else streams through untouched, and
 * any failure inside Coquille sends the page exactly as the application wrote it.
 *
 * <p>The jar's {@code web-fragment.xml} registers it as {@code coquille} on {@code /*}. To switch that off,
 * mark your {@code web.xml} {@code metadata-complete="true"}, or list the fragments you want in an
 * {@code <absolute-ordering>} without {@code coquille}; then declare it yourself:
 * <pre>{@code
 * <filter>
 *   <filter-name>coquille</filter-name>
 *   <filter-class>org.coquille.servlet.CoquilleFilter</filter-class>
 *   <async-supported>true</async-supported>
 *   <init-param><param-name>coquille.workFolder</param-name><param-value>/srv/intranet/coquille</param-value></init-param>
 *   <init-param><param-name>coquille.identity</param-name><param-value>header</param-value></init-param>
 *   <init-param><param-name>coquille.identity.header</param-name><param-value>X-Remote-User</param-value></init-param>
 * </filter>
 * <filter-mapping><filter-name>coquille</filter-name><url-pattern>/*</url-pattern></filter-mapping>
 * }</pre>
 * Map it after the filter that logs users in, so that {@code getRemoteUser()} is set.
 *
 * <p>Settings, lowest precedence first: defaults; {@code coquille.properties} on the classpath;
 * {@code coquille.properties} in the work folder; the filter's init-params; system properties
 * ({@code -Dcoquille.x=...}). Every init-param is a setting of {@link Settings}:
 * <table>
 * <caption>Init-params</caption>
 * <tr><th>name</th><th>default</th><th>meaning</th></tr>
 * <tr><td>coquille.prefix</td><td>/_coquille/</td><td>where Coquille answers its own requests</td></tr>
 * <tr><td>coquille.workFolder</td><td>~/.coquille</td><td>the embedded database, the installation key, coquille.properties</td></tr>
 * <tr><td>coquille.editorRole</td><td>coquille-editor</td><td>the role that makes a user an editor</td></tr>
 * <tr><td>coquille.identity</td><td>container</td><td>container ({@code getRemoteUser}), header, or session</td></tr>
 * <tr><td>coquille.identity.header</td><td>X-Remote-User</td><td>the SSO proxy's user header (identity=header)</td></tr>
 * <tr><td>coquille.identity.rolesHeader</td><td>(none)</td><td>the SSO proxy's roles header, comma-separated</td></tr>
 * <tr><td>coquille.identity.trustedProxies</td><td>127.0.0.1,::1</td><td>addresses the identity header is believed from</td></tr>
 * <tr><td>coquille.identity.sessionAttribute</td><td>coquille.user</td><td>the session attribute holding the user id (identity=session)</td></tr>
 * <tr><td>coquille.anonymous</td><td>false</td><td>whether visitors who are not logged in may take part</td></tr>
 * <tr><td>coquille.maxPageSize</td><td>2097152</td><td>the largest page held back to add widgets, in bytes</td></tr>
 * <tr><td>coquille.cache.ttl</td><td>PT30S</td><td>how stale cached reads may be when nodes share a store</td></tr>
 * <tr><td>coquille.rateLimit.writesPerMinute</td><td>30</td><td>each user's writes per minute</td></tr>
 * <tr><td>coquille.emoji</td><td>👍,❤️,😄,🎉,😮,🤔</td><td>the reactions offered</td></tr>
 * <tr><td>coquille.comments.editWindow</td><td>PT15M</td><td>how long authors may edit or delete their comments</td></tr>
 * <tr><td>coquille.comments.maxLength</td><td>4000</td><td>the longest comment, in characters</td></tr>
 * <tr><td>coquille.ideas.pageSize</td><td>10</td><td>how many ideas an idea box shows per page</td></tr>
 * <tr><td>coquille.pages</td><td>coquille-pages.properties</td><td>which widgets are on for which URL patterns</td></tr>
 * <tr><td>coquille.views.flushInterval</td><td>PT10S</td><td>how often counted views are written</td></tr>
 * <tr><td>coquille.report.retention</td><td>P400D</td><td>how long the usage report keeps viewer and contributor keys (daily and weekly figures stay)</td></tr>
 * <tr><td>coquille.report.departments.minPeople</td><td>5</td><td>the fewest different people a line of the report by department may be about (smaller departments are merged into "Other")</td></tr>
 * <tr><td>coquille.page.ignoredParams</td><td>jsessionid,utm_*,...</td><td>query parameters that are not part of a page</td></tr>
 * <tr><td>coquille.allowedOrigins</td><td>(none)</td><td>other origins allowed to post</td></tr>
 * <tr><td>coquille.loginUrl</td><td>(none)</td><td>the host's login page, where the editors' console sends visitors who are not logged in</td></tr>
 * <tr><td>coquille.store</td><td>(H2 in the work folder)</td><td>jdbc, memory, or a ServiceLoader store's name</td></tr>
 * <tr><td>coquille.store.url, .user, .password</td><td></td><td>a JDBC URL for PostgreSQL or MariaDB</td></tr>
 * <tr><td>coquille.store.jndi</td><td></td><td>a DataSource's JNDI name, instead</td></tr>
 * <tr><td>coquille.store.connectionTimeout</td><td>PT2S</td><td>how long a caller may wait for a database connection, until the store is known down</td></tr>
 * <tr><td>coquille.store.queryTimeout</td><td>PT3S</td><td>how long a caller may wait for any one answer of the database</td></tr>
 * <tr><td>coquille.store.retryInterval</td><td>PT2S</td><td>how often a store known down is probed in the background</td></tr>
 * </table>
 *
 * <p>A page held back lies in a buffer from a pool of the filter's own ({@link PageBuffers}: 16 MiB at most, arrays
 * of 16 KiB to 1 MiB reused from one request to the next, a bigger page allocated for itself), given back when the
 * response is written, also when the application throws; the page with its widgets leaves in one write.
 *
 * <p>Only top-level requests ({@code REQUEST} dispatch) get widgets: includes are never decorated, and
 * neither are error pages or responses that go asynchronous (they stream through; an asynchronous proxy behind the
 * filter holds and decorates pages itself, see {@link #forProxy}). A page with widgets is asked of
 * the application without its conditions ({@code If-None-Match}, {@code If-Modified-Since}) and sent without its
 * validators ({@code ETag}, {@code Last-Modified}), as {@code Cache-Control: private, no-cache} unless the application
 * said {@code no-store}. A HEAD for it gets those headers and no length. A range request ({@code Range}) is answered
 * by the application alone, from the page without widgets: the widgets hold per-user state and cannot be a stable
 * part of a byte range.
 */
public class CoquilleFilter implements Filter {

    /**
     * Set while a thread is inside a Coquille filter, so that a filter mapped twice in one chain works once. A request
     * attribute would do too, but the container makes its attribute map for it on every request; what the chain runs
     * inside the filter runs on its thread, and whatever comes back on another (an asynchronous dispatch, an error
     * page) comes as another dispatch type, which the filter passes on anyway. Left {@code false}, not removed, after
     * the request: removing a thread's entry costs more than the attribute did.
     */
    private static final ThreadLocal<Boolean> APPLYING = ThreadLocal.withInitial(() -> Boolean.FALSE);

    /**
     * Set (to {@code Boolean.TRUE}) on a request whose page Coquille holds back to add widgets to, before the
     * application answers it: what comes after the filter can tell that the page must not be compressed, for a
     * compressed page is passed on untouched. The gateway asks its intranet for such pages uncompressed.
     */
    public static final String WIDGETS_ATTRIBUTE = "org.coquille.widgets";

    /**
     * Holds the {@link ProxiedPage} of a page request, for a filter made {@link #forProxy}: what the proxy behind it
     * counts and decorates the page with.
     */
    public static final String PAGE_ATTRIBUTE = "org.coquille.page";

    private static final Logger LOG = LoggerFactory.getLogger(CoquilleFilter.class);

    /** The largest response buffer the filter asks for: Jetty 12 pools its buffers up to 64 KiB. */
    static final int LARGEST_HELD_PAGE = 64 * 1024;

    private Coquille coquille;
    private boolean ownsCoquille;
    private int maxPageSize;
    /** Whether pages are handed on to an asynchronous proxy behind ({@link #forProxy}) instead of held here. */
    private boolean pagesToProxy;
    /** The held pages' buffers, reused from one request to the next (16 MiB at most). */
    private final PageBuffers pageBuffers;
    private final WarnOnce warnings = new WarnOnce(LOG, java.time.Clock.systemUTC());

    /** For {@code web.xml} and {@code web-fragment.xml}: settings come from {@link #init(FilterConfig)}. */
    public CoquilleFilter() {
        this.pageBuffers = new PageBuffers(PageBuffers.DEFAULT_MAX_BYTES);
    }

    /** For programmatic set-up (embedded Jetty or Tomcat, Spring): the caller builds and closes Coquille. */
    public CoquilleFilter(Coquille coquille) {
        this(coquille, new PageBuffers(PageBuffers.DEFAULT_MAX_BYTES));
    }

    /** With the pool the held pages come from; tests look into it. */
    CoquilleFilter(Coquille coquille, PageBuffers pageBuffers) {
        this.coquille = coquille;
        this.maxPageSize = coquille.settings().positiveInt(Settings.MAX_PAGE_SIZE);
        this.pageBuffers = pageBuffers;
    }

    /**
     * For an asynchronous proxy behind the filter (the gateway's Jetty {@code AsyncMiddleManServlet}), whose response
     * goes asynchronous and so would stream past the filter's wrapper: the filter holds no page itself, but hands each
     * page request on with a {@link ProxiedPage} (request attribute {@link #PAGE_ATTRIBUTE}), through which the proxy
     * counts the view, or holds the page and adds the widgets once the whole page is in hand. Coquille's own requests
     * are answered here as always. The caller builds and closes Coquille.
     */
    public static CoquilleFilter forProxy(Coquille coquille) {
        CoquilleFilter filter = new CoquilleFilter(coquille);
        filter.pagesToProxy = true;
        return filter;
    }

    @Override
    public void init(FilterConfig config) throws ServletException {
        if (coquille != null) {
            return;
        }
        try {
            Map<String, String> init = new HashMap<>();
            for (String name : Collections.list(config.getInitParameterNames())) {
                init.put(name, config.getInitParameter(name));
            }
            coquille = Coquille.builder().settings(settings(init)).build();
            ownsCoquille = true;
            maxPageSize = coquille.settings().positiveInt(Settings.MAX_PAGE_SIZE);
        } catch (RuntimeException | LinkageError e) {
            // never the host's start: a bad setting or a library clash leaves the intranet as it was, without widgets
            coquille = null;
            LOG.error("Coquille could not start, so pages are served as they are, without widgets, until the web"
                    + " application restarts: {}", e.toString(), e);
        }
    }

    /** The settings from every source, in order of precedence (see the class description). */
    static Map<String, String> settings(Map<String, String> initParams) {
        return SettingsSources.gather(initParams, CoquilleFilter.class.getClassLoader());
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (coquille == null || !(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)
                || APPLYING.get()) {
            chain.doFilter(req, res);
            return;
        }
        APPLYING.set(Boolean.TRUE);
        try {
            apply(request, response, chain);
        } finally {
            APPLYING.set(Boolean.FALSE);
        }
    }

    private void apply(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = ServletHttpRequest.pathOf(request);
        if (request.getDispatcherType() == DispatcherType.REQUEST && coquille.isOwnPath(path)) {
            if (request.getCharacterEncoding() == null) {
                request.setCharacterEncoding("UTF-8"); // Coquille's forms post UTF-8 (accept-charset), whatever the page's charset
            }
            write(coquille.handle(new ServletHttpRequest(request)), response, request.getMethod());
            return;
        }
        String method = request.getMethod();
        boolean mayDecorate = request.getDispatcherType() == DispatcherType.REQUEST
                && ("GET".equals(method) || "POST".equals(method) || "HEAD".equals(method));
        if (!mayDecorate) {
            chain.doFilter(request, response);
            return;
        }
        ServletHttpRequest coquilleRequest = new ServletHttpRequest(request, path);
        PageLook look = coquille.look(coquilleRequest); // the page's id and settings, once for the whole request
        if (pagesToProxy) {
            handOn(request, response, chain, coquilleRequest, look);
            return;
        }
        if (!look.holdBack()) {
            // nothing to add: the page streams as it is, and only its view is counted
            chain.doFilter(request, response);
            if (response.getStatus() == HttpServletResponse.SC_OK
                    && PageResponseWrapper.isHtml(response.getContentType())) {
                coquille.countView(coquilleRequest, look);
            }
            return;
        }
        if (request.getHeader("Range") != null) {
            // a part of the page: the container answers it from the page as it is, exactly as it does alone
            chain.doFilter(request, response);
            return;
        }
        request.setAttribute(WIDGETS_ATTRIBUTE, Boolean.TRUE);
        PageResponseWrapper wrapper = new PageResponseWrapper(response, maxPageSize, true, pageBuffers);
        // the page is asked for whole: a 304 would confirm a decorated copy that holds another moment's counts
        HttpServletRequest asked = UnconditionalRequest.isConditional(request) ? new UnconditionalRequest(request) : request;
        try {
            // if the application throws, what it held back is dropped, as the container drops its own buffer
            chain.doFilter(asked, wrapper);
            if ("HEAD".equals(method)) {
                finishHead(request, response, wrapper);
            } else {
                finish(request, coquilleRequest, look, response, wrapper);
            }
        } finally {
            // the buffer goes back whatever happened; an asynchronous request's may yet be written to, so it is dropped
            wrapper.release(!request.isAsyncStarted());
        }
    }

    /**
     * Leaves the page to the proxy behind ({@link #forProxy}) with its {@link ProxiedPage}, the request asked as the
     * filter would ask the application: without its conditions when the page may get widgets, and left alone for a
     * range, which the intranet answers from the page as it is.
     */
    private void handOn(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                        ServletHttpRequest coquilleRequest, PageLook look) throws IOException, ServletException {
        if (look.holdBack() && request.getHeader("Range") != null) {
            chain.doFilter(request, response);
            return;
        }
        request.setAttribute(PAGE_ATTRIBUTE, new ProxiedPage(coquille, coquilleRequest, look, maxPageSize, pageBuffers,
                warnings));
        if (!look.holdBack()) {
            chain.doFilter(request, response);
            return;
        }
        request.setAttribute(WIDGETS_ATTRIBUTE, Boolean.TRUE);
        chain.doFilter(UnconditionalRequest.isConditional(request) ? new UnconditionalRequest(request) : request,
                response);
    }

    /**
     * Answers a HEAD for a page with widgets: its headers as GET would send them, without a length, since the
     * widgets' length is known only once they are rendered, and without the original's validators.
     */
    private static void finishHead(HttpServletRequest request, HttpServletResponse response, PageResponseWrapper wrapper)
            throws IOException {
        if (request.isAsyncStarted() || !wrapper.holdsPageAtEnd() || !wrapper.lengthAsAnnounced()) {
            wrapper.passThrough();
            return;
        }
        if (!response.isCommitted()) {
            DecoratedPageHeaders.set(response);
            response.flushBuffer(); // committed now, with no length: the container cannot count one from the body
        }
    }

    /** Sends the held-back page, with widgets when Coquille adds them, exactly as written otherwise. */
    private void finish(HttpServletRequest request, ServletHttpRequest coquilleRequest, PageLook look,
                        HttpServletResponse response, PageResponseWrapper wrapper) throws IOException {
        if (request.isAsyncStarted() || !wrapper.holdsPage() || !wrapper.lengthAsAnnounced()) {
            wrapper.passThrough();
            return;
        }
        PageBuffer page = wrapper.page();
        Injection decorated = null;
        try {
            decorated = coquille.decoration(coquilleRequest, look, page.bytes(), page.length(),
                    wrapper.headerCharset());
        } catch (RuntimeException e) {
            warnings.warn("Coquille failed on " + request.getRequestURI(), e);
        }
        if (decorated == null) {
            wrapper.passThrough();
            return;
        }
        if (!response.isCommitted()) {
            DecoratedPageHeaders.set(response);
            int length = decorated.length();
            response.setContentLength(length);
            holdWhole(response, length);
        }
        // one write of the whole page when the buffer has room for the widgets after it, as the page alone would be
        decorated.writeInOne(response.getOutputStream());
    }

    /**
     * Asks the container to hold the whole page before it writes, so that the page, the widgets and the rest of the
     * page leave in one network write, not one per part: measured on loopback, the parts' writes were more than half
     * of what the widgets cost a 48 KB page (docs/BENCHMARKS.md). Up to {@link #LARGEST_HELD_PAGE} only: containers
     * keep buffers up to about that size for reuse and would allocate a bigger one for each request.
     */
    private static void holdWhole(HttpServletResponse response, int length) {
        int wanted = Math.min(length, LARGEST_HELD_PAGE);
        try {
            if (response.getBufferSize() < wanted) {
                response.setBufferSize(wanted);
            }
        } catch (IllegalStateException e) {
            // a container that refuses now writes the parts as they come, which is correct, only slower
        }
    }

    private static void write(HttpResponse answer, HttpServletResponse response, String method) throws IOException {
        response.setStatus(answer.status());
        for (Map.Entry<String, String> header : answer.headers()) {
            response.addHeader(header.getKey(), header.getValue());
        }
        if (answer.body().length > 0 || answer.status() == 200) {
            response.setContentLength(answer.body().length);
        }
        if (!"HEAD".equals(method) && answer.body().length > 0) {
            response.getOutputStream().write(answer.body());
        }
    }

    @Override
    public void destroy() {
        if (ownsCoquille && coquille != null) {
            coquille.close();
        }
    }
}
