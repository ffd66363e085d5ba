package org.coquille.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Core runs in any container: it neither depends on nor refers to the servlet or portlet APIs. */
class ContainerNeutralityTest {

    private static final List<String> CONTAINER_PACKAGES =
            List.of("jakarta/servlet", "javax/servlet", "javax/portlet", "jakarta/portlet");

    @Test
    void noCompiledCoreClassRefersToAContainerApi() throws IOException {
        Path classes = Path.of("target/classes/org/coquille");
        assertThat(classes).isDirectory();
        try (Stream<Path> files = Files.walk(classes)) {
            List<Path> offenders = files.filter(f -> f.toString().endsWith(".class")).filter(f -> {
                String bytes = new String(read(f), StandardCharsets.ISO_8859_1);
                return CONTAINER_PACKAGES.stream().anyMatch(bytes::contains);
            }).toList();
            assertThat(offenders).isEmpty();
        }
    }

    @Test
    void containerApisAreNotOnCoresClasspath() {
        for (String type : List.of("jakarta.servlet.Filter", "javax.servlet.Filter", "javax.portlet.Portlet")) {
            assertThatThrownBy(() -> Class.forName(type)).as(type).isInstanceOf(ClassNotFoundException.class);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
