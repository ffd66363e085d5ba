package org.coquille.examples.oldwar;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's technical page ({@code /bibliotheques}), in JSON written by Jackson 2.9: what each library answered (the
 * directory from H2 as Flyway migrated it, through the Caffeine cache) and, for each library, the jar its classes
 * were loaded from in this web application.
 */
public final class LibrariesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(LibrariesServlet.class);

    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Directory directory = IntranetStartup.directory(getServletContext());
        ImmutableMap.Builder<String, Object> departments = ImmutableMap.builder();
        for (String department : DirectoryServlet.DEPARTMENTS) {
            departments.put(department, directory.department(department));
        }
        CacheStats cache = directory.cacheStats();
        Map<String, Object> answer = ImmutableMap.<String, Object>builder()
                .put("departments", departments.build())
                .put("database", ImmutableMap.of("h2", directory.databaseVersion(), "schema", directory.schemaVersion()))
                .put("cache", ImmutableMap.of("hits", cache.hitCount(), "misses", cache.missCount()))
                .put("jackson", json.version().toString())
                .put("jars", jars())
                .build();
        LOG.info("Bibliothèques: {} jars reported", ((Map<?, ?>) answer.get("jars")).size());
        response.setContentType("application/json;charset=UTF-8");
        json.writeValue(response.getOutputStream(), answer);
    }

    /** Library to the jar (its path in this web application) its class was loaded from. */
    private static Map<String, String> jars() {
        ImmutableMap.Builder<String, String> jars = ImmutableMap.builder();
        jars.put("jackson-databind", jarOf(ObjectMapper.class));
        jars.put("caffeine", jarOf(Caffeine.class));
        jars.put("h2", jarOf(org.h2.Driver.class));
        jars.put("flyway", jarOf(Flyway.class));
        jars.put("guava", jarOf(ImmutableList.class));
        jars.put("slf4j-api", jarOf(LoggerFactory.class));
        jars.put("slf4j-binding", jarOf(LoggerFactory.getILoggerFactory().getClass()));
        jars.put("log4j", jarOf(org.apache.log4j.Logger.class));
        for (String coquille : ImmutableList.of("org.coquille.servlet.CoquilleFilter", "org.coquille.Coquille")) {
            try {
                Class<?> type = Class.forName(coquille, false, LibrariesServlet.class.getClassLoader());
                jars.put(coquille, jarOf(type));
            } catch (ClassNotFoundException e) {
                jars.put(coquille, "not found");
            }
        }
        return jars.build();
    }

    private static String jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
