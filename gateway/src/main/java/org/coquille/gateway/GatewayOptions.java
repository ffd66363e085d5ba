package org.coquille.gateway;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the gateway is told on its command line: where the intranet is, where to listen, and Coquille's own
 * {@code coquille.*} settings. Bad input is refused at once with what was wrong and what is allowed.
 *
 * @param upstream     the intranet's address, {@code http} or {@code https}, with the path of its web application if
 *                     it has one: the gateway serves it under the same path, where Coquille's console also answers
 * @param host         the interface to listen on
 * @param port         the port to listen on; 0 picks a free one
 * @param timeout      how long the intranet may stay silent: no answer by then is a 504, a pause that long in a
 *                     body ends it
 * @param preserveHost whether the intranet gets the visitor's {@code Host} header instead of its own
 * @param settings     Coquille's settings given as {@code --coquille.name=value}
 */
public record GatewayOptions(URI upstream, String host, int port, Duration timeout, boolean preserveHost,
                             Map<String, String> settings) {

    static final String USAGE = """
            Usage: java -jar coquille-gateway.jar --upstream http://old-intranet:8080 [options]
              --upstream URL      the intranet to put Coquille in front of (http or https), required; with a
                                  path (http://old:8080/intranet), Coquille works on that web application's pages
                                  as it would inside it (its console under /intranet/_coquille/), and everything
                                  else passes untouched
              --port N            where the gateway listens (default 8080; 0 picks a free port)
              --host ADDRESS      the interface it listens on (default 0.0.0.0, every interface)
              --timeout DURATION  how long the intranet may stay silent, as PT30S or 30 (seconds; default 30)
              --preserve-host     send the visitor's Host header to the intranet instead of the intranet's own
              --coquille.NAME=VALUE
                                  any Coquille setting (see README), e.g. --coquille.store.url=jdbc:postgresql://...
            Coquille's settings also come from coquille.properties in the work folder (default ./coquille-gateway)
            and from -Dcoquille.NAME=VALUE.""";

    public GatewayOptions {
        settings = Map.copyOf(settings);
    }

    /** Reads the command line; throws {@link IllegalArgumentException} naming the argument that is wrong. */
    public static GatewayOptions parse(List<String> args) {
        URI upstream = null;
        String host = "0.0.0.0";
        int port = 8080;
        Duration timeout = Duration.ofSeconds(30);
        boolean preserveHost = false;
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (name.startsWith("--coquille.")) {
                if (!arg.contains("=")) {
                    throw new IllegalArgumentException(name + " needs a value: " + name + "=VALUE");
                }
                settings.put(name.substring(2), arg.substring(arg.indexOf('=') + 1));
                continue;
            }
            if (name.equals("--preserve-host")) {
                preserveHost = true;
                continue;
            }
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new IllegalArgumentException(name + " needs a value");
            }
            switch (name) {
                case "--upstream" -> upstream = upstream(value);
                case "--port" -> port = port(value);
                case "--host" -> host = value;
                case "--timeout" -> timeout = timeout(value);
                default -> throw new IllegalArgumentException("Unknown option '" + name + "'");
            }
        }
        if (upstream == null) {
            throw new IllegalArgumentException("--upstream is required: the address of the intranet, such as"
                    + " http://old-intranet:8080");
        }
        return new GatewayOptions(upstream, host, port, timeout, preserveHost, settings);
    }

    private static URI upstream(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            if (uri.getHost() == null || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
                    || uri.getQuery() != null || uri.getFragment() != null) {
                throw new IllegalArgumentException("--upstream '" + value + "' is not an intranet's address: give"
                        + " http:// or https://, a host, an optional port and path, no query");
            }
            String path = uri.getPath() == null || uri.getPath().equals("/") ? "" : uri.getPath().replaceAll("/+$", "");
            return new URI(scheme.toLowerCase(), null, uri.getHost(), uri.getPort(), path, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--upstream '" + value + "' is not a URL: " + e.getReason());
        }
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value.strip());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("--port '" + value + "' is not a port: give a number from 0 to 65535");
    }

    private static Duration timeout(String value) {
        try {
            Duration timeout = value.strip().matches("\\d+") ? Duration.ofSeconds(Long.parseLong(value.strip()))
                    : Duration.parse(value.strip());
            if (!timeout.isNegative() && !timeout.isZero()) {
                return timeout;
            }
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("--timeout '" + value + "' is not a duration: give seconds (30) or an"
                + " ISO-8601 duration (PT30S), more than zero");
    }

    /** The intranet's origin, {@code scheme://host[:port]}, without its path. */
    String upstreamOrigin() {
        return upstream.getScheme() + "://" + upstream.getHost() + (upstream.getPort() < 0 ? "" : ":" + upstream.getPort());
    }

    /** The intranet's path prefix, empty or {@code /something} without a trailing slash. */
    String upstreamPath() {
        return upstream.getPath() == null ? "" : upstream.getPath();
    }
}
