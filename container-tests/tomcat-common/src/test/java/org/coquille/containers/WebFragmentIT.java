package org.coquille.containers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.coquille.containers.Http.Answer;
import org.coquille.servlet.CoquilleFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The adapter jar dropped into a WAR's {@code WEB-INF/lib}, and nothing in {@code web.xml}: Tomcat reads its
 * {@code web-fragment.xml} (validated against the schema it names: Servlet 3.0 in the javax jar, 6.0 in the jakarta
 * one) and the filter answers on {@code /*}.
 */
class WebFragmentIT {

    @TempDir
    Path dir;

    @Test
    void adapterJarInWebInfLibRegistersTheFilterByItsFragment() throws Exception {
        Path jar = Path.of(CoquilleFilter.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(jar.toString()).as("the adapter as a jar (run the build up to verify)").endsWith(".jar");
        Path war = dir.resolve("war");
        Files.createDirectories(war.resolve("WEB-INF/lib"));
        Files.createDirectories(war.resolve("WEB-INF/classes"));
        Files.copy(jar, war.resolve("WEB-INF/lib").resolve(jar.getFileName()));
        Files.writeString(war.resolve("WEB-INF/classes/coquille.properties"),
                "coquille.store=memory\ncoquille.workFolder=" + dir.resolve("work").toString().replace("\\", "/") + "\n");
        Files.writeString(war.resolve("index.html"), "<html><body><p>Accueil</p></body></html>");

        try (WebApp app = TomcatApps.deploy(war, dir.resolve("scratch"))) {
            Answer css = Http.get(app.base() + "/_coquille/static/coquille.css");
            assertThat(css.status()).isEqualTo(200);
            assertThat(css.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
            assertThat(Http.get(app.base() + "/_coquille/nothing-here").header("Content-Type"))
                    .hasValue("application/problem+json");
            Answer page = Http.get(app.base() + "/index.html");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.text()).isEqualTo("<html><body><p>Accueil</p></body></html>");
        }
    }
}
