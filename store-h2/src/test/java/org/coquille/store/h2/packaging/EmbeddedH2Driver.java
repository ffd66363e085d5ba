package org.coquille.store.h2.packaging;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.coquille.core.PageId;
import org.coquille.spi.SocialStore;
import org.coquille.store.Stores;

/**
 * A host web application with its own old H2 that adds Coquille's embedded default: Coquille opens its store without
 * any setting, and the host's {@code jdbc:h2:} URLs still reach the host's H2. {@code EmbeddedH2IT} runs it in a class
 * loader holding the published jars and the host's H2 1.4.200 only; this class must name none of the bundled libraries
 * (the host's H2 is reached by URL, as a host does).
 */
public final class EmbeddedH2Driver implements Function<Path, Map<String, String>> {

    @Override
    public Map<String, String> apply(Path work) {
        PageId page = PageId.of("/news/canteen.jsp");
        try {
            Class.forName("org.h2.Driver"); // as the host's code registers its driver
            String coquille;
            try (SocialStore store = Stores.open(Map.of(), work)) {
                store.votes().putVote(page, "alice", 1, Instant.parse("2026-03-04T09:00:00Z"));
                coquille = store.getClass().getName() + "|" + store.describe() + "|" + store.votes().vote(page, "alice");
            }
            String host;
            try (Connection c = DriverManager.getConnection("jdbc:h2:mem:host", "sa", "");
                 Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT H2VERSION()")) {
                r.next();
                host = c.getClass().getName() + "|" + r.getString(1);
            }
            String drivers = Collections.list(DriverManager.getDrivers()).stream().map(Driver::getClass)
                    .map(Class::getName).sorted().collect(Collectors.joining(","));
            return Map.of("coquille", coquille, "host", host, "drivers", drivers);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
