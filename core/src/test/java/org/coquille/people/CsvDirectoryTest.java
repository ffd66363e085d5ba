package org.coquille.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.coquille.core.Person;
import org.coquille.spi.Directory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV directory on a real file, as an HR export writes it, behind the cache that Coquille puts in front. */
class CsvDirectoryTest {

    @TempDir
    Path work;

    private final AtomicLong nanos = new AtomicLong();

    private Directory open(Map<String, String> settings) {
        return Directories.open(settings, work);
    }

    @Test
    void namesEmailsAndDepartmentsAreReadFromAFrenchExcelExport() throws Exception {
        // a French Excel's "CSV UTF-8": a byte order mark, semicolons, quoted cells
        Files.writeString(work.resolve("annuaire.csv"), "\uFEFFlogin;nom;courriel;service;site\n"
                + "jdupont;\"Jean Dupont\";jean.dupont@example.com;Achats;Lyon\n"
                + "hmartin;Hélène Martin;helene.martin@example.com;\"Ressources humaines; paie\";\n", StandardCharsets.UTF_8);
        People people = new People(open(Map.of("coquille.directory", "csv", "coquille.directory.csv.file", "annuaire.csv",
                "coquille.directory.csv.separator", ";", "coquille.directory.csv.columns", "login,nom,courriel,service,site")),
                Duration.ofHours(1), Duration.ofMinutes(1), nanos::get);

        assertThat(people.person("jdupont")).isEqualTo(
                new Person("jdupont", "Jean Dupont", "jean.dupont@example.com", "Achats", "Lyon"));
        assertThat(people.person("hmartin").department()).isEqualTo("Ressources humaines; paie");
        assertThat(people.person("hmartin").site()).isNull();
        assertThat(people.of("hmartin")).isEqualTo("Hélène Martin");
    }

    @Test
    void someoneNotInTheFileIsTheirId() throws Exception {
        Files.writeString(work.resolve("people.csv"), "id,name,email,department\njdupont,Jean Dupont,j@example.com,Achats\n");
        People people = new People(open(Map.of("coquille.directory", "csv", "coquille.directory.csv.file", "people.csv")),
                Duration.ofHours(1), Duration.ofMinutes(1), nanos::get);

        assertThat(people.person("intern42")).isEqualTo(Person.unknown("intern42"));
        assertThat(people.of("intern42")).isEqualTo("intern42");
        assertThat(people.cached("intern42")).isEmpty();
    }

    @Test
    void aMissingFileShowsIdsThenNamesOnceItIsBack() throws Exception {
        Path file = work.resolve("people.csv");
        People people = new People(open(Map.of("coquille.directory", "csv", "coquille.directory.csv.file", "people.csv")),
                Duration.ofHours(1), Duration.ofMinutes(1), nanos::get);

        assertThat(people.of("jdupont")).isEqualTo("jdupont");

        Files.writeString(file, "id,name,email,department\njdupont,Jean Dupont,j@example.com,Achats\n");
        assertThat(people.of("jdupont")).as("left alone for a minute after a failure").isEqualTo("jdupont");
        nanos.addAndGet(Duration.ofSeconds(61).toNanos());
        assertThat(people.of("jdupont")).isEqualTo("Jean Dupont");
    }

    @Test
    void aNewExportIsReadOnceTheCacheRefreshes() throws Exception {
        Path file = work.resolve("people.csv");
        Files.writeString(file, "id,name,email,department\njdupont,Jean Dupont,j@example.com,Achats\n");
        People people = new People(open(Map.of("coquille.directory", "csv", "coquille.directory.csv.file", "people.csv")),
                Duration.ofHours(1), Duration.ofMinutes(1), nanos::get);
        assertThat(people.person("jdupont").department()).isEqualTo("Achats");

        Files.writeString(file, "id,name,email,department\njdupont,Jean Dupont,j@example.com,Ventes\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(people.person("jdupont").department()).as("cached for an hour").isEqualTo("Achats");
        nanos.addAndGet(Duration.ofMinutes(61).toNanos());
        people.person("jdupont"); // starts the refresh in the background, the old answer meanwhile
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!"Ventes".equals(people.person("jdupont").department()) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(people.person("jdupont").department()).isEqualTo("Ventes");
    }

    @Test
    void erasingAPersonForgetsWhatIsCached() throws Exception {
        Files.writeString(work.resolve("people.csv"), "id,name,email,department\njdupont,Jean Dupont,j@example.com,Achats\n");
        People people = new People(open(Map.of("coquille.directory", "csv", "coquille.directory.csv.file", "people.csv")),
                Duration.ofHours(1), Duration.ofMinutes(1), nanos::get);
        people.person("jdupont");
        assertThat(people.cached("jdupont")).map(Person::email).contains("j@example.com");

        people.forget("jdupont");
        assertThat(people.cached("jdupont")).isEmpty();
    }

    @Test
    void badSettingsAreRefusedWithTheirName() {
        assertThatThrownBy(() -> open(Map.of("coquille.directory", "csv")))
                .hasMessageContaining("coquille.directory.csv.file");
        assertThatThrownBy(() -> open(Map.of("coquille.directory", "csv", "coquille.directory.csv.file", "x.csv",
                "coquille.directory.csv.separator", ";;"))).hasMessageContaining("coquille.directory.csv.separator");
    }

    @Test
    void anUnknownDirectoryShowsIds() {
        Directory directory = open(Map.of("coquille.directory", "ldap"));
        assertThat(directory.find("jdupont")).isEmpty();
        assertThat(directory.describe()).contains("none");
    }
}
