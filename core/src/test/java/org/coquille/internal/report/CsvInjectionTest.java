package org.coquille.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import org.coquille.Coquille;
import org.coquille.core.Objective;
import org.coquille.core.PageId;
import org.coquille.core.PageSettings;
import org.coquille.core.Widget;
import org.coquille.http.FakeRequest;
import org.coquille.http.HttpResponse;
import org.coquille.http.IdentityResolver;
import org.coquille.store.MemoryStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** No CSV export hands a spreadsheet a live formula: text that starts like one is neutralised, as OWASP says. */
class CsvInjectionTest {

    @TempDir
    Path work;
    private Coquille coquille;

    @AfterEach
    void stop() {
        if (coquille != null) {
            coquille.close();
        }
    }

    private List<Map<String, String>> objectivesExport(String description) throws Exception {
        MemoryStore store = new MemoryStore();
        coquille = Coquille.builder().settings(Map.of("coquille.workFolder", work.toString()))
                .store(store).key(new byte[32]).identity(IdentityResolver.container("coquille-editor")).build();
        store.pages().saveSettings(PageSettings.off(PageId.of("/rh/sondage.html")).withWidgets(Set.of(Widget.POLL))
                .withObjective(new Objective(Objective.Purpose.OTHER, description, null, null, LocalDate.of(2026, 3, 2))));
        HttpResponse csv = coquille.handle(FakeRequest.get("/_coquille/report/export.csv?by=objective")
                .user("edith", "coquille-editor"));
        assertThat(csv.status()).isEqualTo(200);
        String text = new String(csv.body(), StandardCharsets.UTF_8).substring(1); // the byte-order mark
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader().withColumnSeparator(';')).readValues(text)) {
            return rows.readAll();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://evil.example/\",\"click\")", "+33 1 23 45 67 89", "-2+3+cmd|' /C calc'!A0",
        "@SUM(1+1)*cmd|' /C calc'!A0", "=1;=2"})
    void textStartingLikeAFormulaIsReadBackAsText(String typed) throws Exception {
        List<Map<String, String>> rows = objectivesExport(typed);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("Description")).isEqualTo("'" + typed);
    }

    @Test
    void ordinaryTextIsKeptAsTyped() throws Exception {
        assertThat(objectivesExport("Idées pour la cantine = mieux").get(0).get("Description"))
                .isEqualTo("Idées pour la cantine = mieux");
    }

    @Test
    void everyTextCellStartingLikeAFormulaIsNeutralised() {
        for (String start : List.of("=", "+", "-", "@", "\t", "\r")) {
            assertThat(Exports.cell(start + "x")).isEqualTo("'" + start + "x");
        }
        assertThat(Exports.cell(-3)).isEqualTo(-3);
        assertThat(Exports.cell("/page.html")).isEqualTo("/page.html");
        assertThat(Exports.cell("")).isEqualTo("");
    }
}
