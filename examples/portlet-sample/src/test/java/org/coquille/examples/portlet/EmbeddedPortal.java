package org.coquille.examples.portlet;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.Wrapper;
import org.apache.catalina.authenticator.BasicAuthenticator;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.LoginConfig;
import org.apache.tomcat.util.descriptor.web.SecurityCollection;
import org.apache.tomcat.util.descriptor.web.SecurityConstraint;
import org.coquille.Coquille;
import org.gatein.pc.embed.EmbedServlet;

/**
 * The sample portlet application in a real portlet container: GateIn's embedded portlet container (Portlet 2.0)
 * in an embedded Tomcat 9, on a free loopback port. Pages are {@code /sample/embed/<portlet>/<portlet>...}.
 * Users log in with BASIC, the password being the name: alice and bruno (employees), edith (coquille-editor).
 */
final class EmbeddedPortal implements AutoCloseable {

    /** In a posted field's name, what follows this is dropped: a way to post one field several times. */
    static final String REPEAT = "#repeat";

    private final Tomcat tomcat = new Tomcat();
    /** One browser per user, each with its own cookies (the portal session). */
    private final Map<String, HttpClient> browsers = new java.util.concurrent.ConcurrentHashMap<>();
    private final String base;

    /** @param coquille the Coquille the application's filter and portlet share (put where {@code SharedCoquille} looks) */
    EmbeddedPortal(Coquille coquille, Path workFolder) throws LifecycleException, IOException {
        Path tomcatDir = Files.createDirectories(workFolder.resolve("tomcat"));
        tomcat.setBaseDir(tomcatDir.toString());
        tomcat.setHostname("127.0.0.1");
        tomcat.setPort(0);
        tomcat.getConnector();
        tomcat.addUser("alice", "alice");
        tomcat.addRole("alice", "employee");
        tomcat.addUser("bruno", "bruno");
        tomcat.addRole("bruno", "employee");
        tomcat.addUser("edith", "edith");
        tomcat.addRole("edith", "coquille-editor");
        tomcat.setAddDefaultWebXmlToWebapp(false);
        Context ctx = tomcat.addWebapp("/sample", new File("src/main/webapp").getAbsolutePath());
        ctx.addServletContainerInitializer((classes, servletContext) ->
                servletContext.setAttribute("org.coquille.core.Coquille", coquille), null);
        Wrapper embed = Tomcat.addServlet(ctx, "embed", new EmbedServlet());
        embed.setLoadOnStartup(1);
        ctx.addServletMappingDecoded("/embed/*", "embed");
        LoginConfig login = new LoginConfig();
        login.setAuthMethod("BASIC");
        login.setRealmName("sample");
        ctx.setLoginConfig(login);
        SecurityConstraint constraint = new SecurityConstraint();
        constraint.setAuthConstraint(true);
        constraint.addAuthRole("employee");
        constraint.addAuthRole("coquille-editor");
        SecurityCollection all = new SecurityCollection();
        all.addPattern("/*");
        constraint.addCollection(all);
        ctx.addConstraint(constraint);
        ctx.addSecurityRole("employee");
        ctx.addSecurityRole("coquille-editor");
        ctx.getPipeline().addValve(new BasicAuthenticator());
        tomcat.start();
        // as a portal does: the container reads form posts in UTF-8 (set after start, web.xml would reset it)
        ctx.setRequestCharacterEncoding("UTF-8");
        base = "http://127.0.0.1:" + tomcat.getConnector().getLocalPort();
    }

    /** {@code http://127.0.0.1:port} */
    String base() {
        return base;
    }

    HttpResponse<String> get(String user, String url) throws IOException, InterruptedException {
        return browser(user).send(request(user, url).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A form post, as a browser sends it (UTF-8, url-encoded). */
    HttpResponse<String> post(String user, String url, Map<String, String> fields, Map<String, String> headers)
            throws IOException, InterruptedException {
        String body = fields.entrySet().stream()
                .map(e -> encode(e.getKey().contains(REPEAT) ? e.getKey().substring(0, e.getKey().indexOf(REPEAT))
                        : e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = request(user, url).header("Content-Type", "application/x-www-form-urlencoded");
        headers.forEach(request::header);
        return browser(user).send(request.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Posts, then follows the portal's redirect to the page, as a browser does. */
    HttpResponse<String> postAndFollow(String user, String url, Map<String, String> fields)
            throws IOException, InterruptedException {
        HttpResponse<String> answer = post(user, url, fields, Map.of());
        if (answer.statusCode() / 100 != 3) {
            throw new AssertionError("expected the portal's redirect after an action, got " + answer.statusCode()
                    + ": " + answer.body());
        }
        return get(user, URI.create(url).resolve(answer.headers().firstValue("Location").orElseThrow()).toString());
    }

    private HttpClient browser(String user) {
        return browsers.computeIfAbsent(user, u -> HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new java.net.CookieManager()).build());
    }

    private HttpRequest.Builder request(String user, String url) {
        String absolute = url.startsWith("http") ? url : base + url;
        String credentials = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(absolute)).header("Authorization", "Basic " + credentials);
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static Map<String, String> fields(Map<String, String> fields) {
        return new LinkedHashMap<>(fields);
    }

    @Override
    public void close() throws LifecycleException {
        tomcat.stop();
        tomcat.destroy();
    }
}
