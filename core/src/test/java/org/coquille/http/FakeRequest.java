package org.coquille.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** A request built by hand, for core's tests (the adapters' tests use real containers). */
public final class FakeRequest implements HttpRequest {

    private final String method;
    private final String path;
    private String contextPath = "";
    private String query;
    private final Map<String, List<String>> parameters = new LinkedHashMap<>();
    private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Map<String, String> cookies = new HashMap<>();
    private final Map<String, Object> session = new HashMap<>();
    private String remoteAddress = "127.0.0.1";
    private String scheme;
    private Locale locale = Locale.ENGLISH;
    private String remoteUser;
    private Set<String> roles = Set.of();
    private byte[] body = new byte[0];

    private FakeRequest(String method, String path) {
        this.method = method;
        this.path = path;
    }

    public static FakeRequest get(String pathAndQuery) {
        FakeRequest r = new FakeRequest("GET", pathAndQuery.split("\\?", 2)[0]);
        if (pathAndQuery.contains("?")) {
            r.query(pathAndQuery.split("\\?", 2)[1]);
        }
        return r;
    }

    public static FakeRequest post(String path) {
        return new FakeRequest("POST", path);
    }

    /** Sets the query string and adds its parameters (not URL-decoded: tests use plain values). */
    public FakeRequest query(String value) {
        this.query = value;
        for (String pair : value.split("&")) {
            String[] kv = pair.split("=", 2);
            param(kv[0], kv.length > 1 ? kv[1] : "");
        }
        return this;
    }

    public FakeRequest param(String name, String value) {
        parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        return this;
    }

    public FakeRequest header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public FakeRequest cookie(String name, String value) {
        cookies.put(name, value);
        return this;
    }

    public FakeRequest user(String name, String... userRoles) {
        this.remoteUser = name;
        this.roles = Set.of(userRoles);
        return this;
    }

    public FakeRequest locale(Locale value) {
        this.locale = value;
        return this;
    }

    public FakeRequest contextPath(String value) {
        this.contextPath = value;
        return this;
    }

    public FakeRequest scheme(String value) {
        this.scheme = value;
        return this;
    }

    @Override
    public String scheme() {
        return scheme;
    }

    public FakeRequest remoteAddress(String value) {
        this.remoteAddress = value;
        return this;
    }

    public FakeRequest sessionAttribute(String name, Object value) {
        session.put(name, value);
        return this;
    }

    public FakeRequest json(String text) {
        headers.put("Content-Type", "application/json");
        this.body = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String contextPath() {
        return contextPath;
    }

    @Override
    public String queryString() {
        return query;
    }

    @Override
    public String parameter(String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    public List<String> parameters(String name) {
        return parameters.getOrDefault(name, List.of());
    }

    @Override
    public String header(String name) {
        return headers.get(name);
    }

    @Override
    public String cookie(String name) {
        return cookies.get(name);
    }

    @Override
    public String remoteAddress() {
        return remoteAddress;
    }

    @Override
    public Locale locale() {
        return locale;
    }

    @Override
    public String remoteUser() {
        return remoteUser;
    }

    @Override
    public boolean isUserInRole(String role) {
        return roles.contains(role);
    }

    @Override
    public Object sessionAttribute(String name) {
        return session.get(name);
    }

    @Override
    public byte[] body(int limit) throws BodyTooLargeException {
        if (body.length > limit) {
            throw new BodyTooLargeException(limit);
        }
        return body.clone();
    }
}
