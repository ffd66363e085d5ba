package org.coquille.examples.bench;

import java.util.List;
import java.util.Locale;

import org.coquille.http.HttpRequest;

/** A fixed GET request from a logged-in employee (alice unless told), for measuring the per-page cost without a container. */
public final class BenchRequest implements HttpRequest {

    private final String path;
    private final String user;

    public BenchRequest(String path) {
        this(path, "alice");
    }

    public BenchRequest(String path, String user) {
        this.path = path;
        this.user = user;
    }

    @Override public String method() { return "GET"; }
    @Override public String path() { return path; }
    @Override public String contextPath() { return "/intranet"; }
    @Override public String queryString() { return null; }
    @Override public String parameter(String name) { return null; }
    @Override public List<String> parameters(String name) { return List.of(); }
    @Override public String header(String name) { return null; }
    @Override public String cookie(String name) { return null; }
    @Override public String remoteAddress() { return "127.0.0.1"; }
    @Override public Locale locale() { return Locale.FRENCH; }
    @Override public String remoteUser() { return user; }
    @Override public boolean isUserInRole(String role) { return false; }
    @Override public Object sessionAttribute(String name) { return null; }
    @Override public byte[] body(int limit) { return new byte[0]; }
}
