package org.coquille.servlet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.coquille.http.HttpRequest;

/** Core's view of a servlet request. Never creates a session. */
final class ServletHttpRequest implements HttpRequest {

    private final HttpServletRequest request;
    private final String path;
    private String remoteAddress;

    ServletHttpRequest(HttpServletRequest request) {
        this(request, pathOf(request));
    }

    /** @param path the request's {@link #pathOf path}, when the caller has it already */
    ServletHttpRequest(HttpServletRequest request, String path) {
        this.request = request;
        this.path = path;
    }

    /** The path inside the web application: servlet path plus path info, without the context path. */
    static String pathOf(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        String path = uri.startsWith(context) ? uri.substring(context.length()) : uri;
        return path.isEmpty() ? "/" : path;
    }

    @Override
    public String method() {
        return request.getMethod();
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String contextPath() {
        return request.getContextPath();
    }

    @Override
    public String queryString() {
        return request.getQueryString();
    }

    @Override
    public String parameter(String name) {
        if (request.getQueryString() == null && "GET".equals(request.getMethod())) {
            return null; // a GET's parameters are its query's: no need to have the container build its parameter map
        }
        try {
            return request.getParameter(name);
        } catch (RuntimeException e) {
            throw UnreadableForms.of(e); // the container could not read the form: a 400 or 413, not a failure
        }
    }

    @Override
    public List<String> parameters(String name) {
        String[] values;
        try {
            values = request.getParameterValues(name);
        } catch (RuntimeException e) {
            throw UnreadableForms.of(e);
        }
        return values == null ? List.of() : Arrays.asList(values);
    }

    @Override
    public String header(String name) {
        return request.getHeader(name);
    }

    @Override
    public String cookie(String name) {
        if (!cookieHeadersMention(name)) {
            return null; // most requests carry none of Coquille's cookies: no need to have the container parse them all
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (cookie.getName().equals(name)) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }

    /** Whether any {@code Cookie} header holds {@code name} at all (HTTP/2 may send one header per cookie). */
    private boolean cookieHeadersMention(String name) {
        Enumeration<String> headers = request.getHeaders("Cookie");
        while (headers != null && headers.hasMoreElements()) {
            if (headers.nextElement().contains(name)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String scheme() {
        return request.getScheme();
    }

    @Override
    public String remoteAddress() {
        if (remoteAddress == null) {
            remoteAddress = request.getRemoteAddr(); // the container formats it anew at each call
        }
        return remoteAddress;
    }

    @Override
    public Locale locale() {
        return request.getLocale();
    }

    @Override
    public String remoteUser() {
        return request.getRemoteUser();
    }

    @Override
    public boolean isUserInRole(String role) {
        return request.isUserInRole(role);
    }

    @Override
    public Object sessionAttribute(String name) {
        HttpSession session = request.getSession(false);
        return session == null ? null : session.getAttribute(name);
    }

    @Override
    public byte[] body(int limit) throws IOException {
        if (request.getContentLength() > limit) { // Servlet 3.0's call; past 2 GB it is -1 and the loop below stops the read
            throw new BodyTooLargeException(limit);
        }
        try (InputStream in = request.getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (out.size() + n > limit) {
                    throw new BodyTooLargeException(limit);
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }
}
