package org.coquille.servlet;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * The request a page with widgets is asked for: without {@code If-None-Match} and {@code If-Modified-Since}, so
 * that the application answers a full 200 to decorate, never a 304 on the strength of its own validators. The
 * decorated page holds other moments' counts and one user's own marks: the original's validators say nothing of it.
 */
final class UnconditionalRequest extends HttpServletRequestWrapper {

    private static final Set<String> HIDDEN = Set.of("if-none-match", "if-modified-since");

    UnconditionalRequest(HttpServletRequest request) {
        super(request);
    }

    /** Whether {@code request} asks for a page only on a condition this wrapper hides. */
    static boolean isConditional(HttpServletRequest request) {
        return request.getHeader("If-None-Match") != null || request.getHeader("If-Modified-Since") != null;
    }

    private static boolean hidden(String name) {
        return name != null && HIDDEN.contains(name.toLowerCase(Locale.ROOT));
    }

    @Override
    public String getHeader(String name) {
        return hidden(name) ? null : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        return hidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
    }

    @Override
    public long getDateHeader(String name) {
        return hidden(name) ? -1 : super.getDateHeader(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        List<String> names = Collections.list(super.getHeaderNames());
        names.removeIf(UnconditionalRequest::hidden);
        return Collections.enumeration(names);
    }
}
