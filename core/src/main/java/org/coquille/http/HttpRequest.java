package org.coquille.http;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * A request as core sees it: what an adapter (servlet filter, portlet) reads off its container's
 * request. Implementations never create a session and never consume the body unless asked.
 */
public interface HttpRequest {

    /** {@code GET}, {@code POST}, ... */
    String method();

    /** The path inside the web application, without the context path: {@code /news/a.jsp}. */
    String path();

    /** The web application's context path, {@code ""} for the root one. */
    String contextPath();

    /** The raw query string, or {@code null}. */
    String queryString();

    /** A query or form parameter, or {@code null}. */
    String parameter(String name);

    /** Every value of a query or form parameter, possibly none. */
    List<String> parameters(String name);

    /** A request header, or {@code null}. */
    String header(String name);

    /** A cookie's value, or {@code null}. */
    String cookie(String name);

    /**
     * {@code http} or {@code https}, as the container knows it (behind a TLS-terminating proxy, the container must
     * be told: Jetty's {@code ForwardedRequestCustomizer}, Tomcat's {@code RemoteIpValve}), or {@code null} when
     * the adapter cannot tell (the default). The origin check compares it; the anonymous cookie is {@code Secure}
     * on {@code https}.
     */
    default String scheme() {
        return null;
    }

    /** The address of the peer that sent the request (the proxy, behind one). */
    String remoteAddress();

    /** The preferred locale of the request ({@code Accept-Language}). */
    Locale locale();

    /** The container login's user name, or {@code null}. */
    String remoteUser();

    /** Whether the container says the user holds {@code role}. */
    boolean isUserInRole(String role);

    /** An attribute of the existing session, or {@code null}; never creates a session. */
    Object sessionAttribute(String name);

    /**
     * Where the widgets rendered for this request post and load their assets, or {@code null} (the default)
     * for Coquille's own URLs under its prefix. A portlet answers action and resource URLs made with the
     * portlet API.
     */
    default WidgetLinks links() {
        return null;
    }

    /**
     * Prefixed to the element ids and form field names of the widgets rendered for this request, so that
     * several instances on one page do not collide: {@code ""} (the default), or a portlet's namespace.
     * The adapter reads the fields back under the same prefix.
     */
    default String namespace() {
        return "";
    }

    /**
     * The request body, at most {@code limit} bytes.
     *
     * @throws BodyTooLargeException when the body is longer
     */
    byte[] body(int limit) throws IOException;

    /**
     * The container could not read the request's parameters (an undecodable form, or one over the container's
     * limits): the adapter says which kind, and the container's own words. Core answers 400 or 413 with a clear
     * message, and logs a warning at most once a minute.
     */
    final class UnreadableRequestException extends RuntimeException {

        /** What was wrong with the request. */
        public enum Kind {
            /** Not valid in the form's character set (UTF-8 for Coquille's forms): 400. */
            NOT_UTF8(400),
            /** Over the container's limit on a form's size: 413. */
            TOO_LARGE(413),
            /** Over the container's limit on a form's number of fields: 400. */
            TOO_MANY_FIELDS(400),
            /** Otherwise malformed: 400. */
            MALFORMED(400);

            private final int status;

            Kind(int status) {
                this.status = status;
            }

            public int status() {
                return status;
            }
        }

        private final Kind kind;

        /** @param detail the container's own words, such as {@code form too large > 200000} */
        public UnreadableRequestException(Kind kind, String detail, Throwable cause) {
            super(detail, cause);
            this.kind = java.util.Objects.requireNonNull(kind, "kind");
        }

        public Kind kind() {
            return kind;
        }
    }

    /** The body was longer than core accepts. */
    final class BodyTooLargeException extends IOException {

        public BodyTooLargeException(int limit) {
            super("The request body is larger than " + limit + " bytes");
        }
    }
}
