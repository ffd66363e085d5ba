package org.coquille.internal.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.coquille.store.MemoryStore;
import org.coquille.spi.ActivityStore;
import org.junit.jupiter.api.Test;

/** The log that records people's departments: nothing on the request thread, fail-open, once a day per person. */
class DepartmentLogTest {

    private final ActivityStore store = new MemoryStore().activity();
    private final Map<String, String> directory = new HashMap<>(Map.of("alice", "Achats"));
    private final List<String> asked = new ArrayList<>();
    private final DepartmentLog log = new DepartmentLog(store, id -> {
        asked.add(id);
        return directory.get(id);
    }, Clock.fixed(Instant.parse("2026-03-04T09:00:00Z"), ZoneOffset.UTC), ZoneOffset.UTC);

    @Test
    void seeingSomeoneAsksNothingTheFlushAsksTheDirectoryAndWrites() {
        log.seen("alice", "key-a");
        assertThat(asked).isEmpty();
        assertThat(store.departmentOf("key-a")).isEmpty();
        log.flush();
        assertThat(asked).containsExactly("alice");
        assertThat(store.departmentOf("key-a")).contains("Achats");
    }

    @Test
    void someoneWrittenTodayIsNotAskedAboutAgain() {
        log.seen("alice", "key-a");
        log.flush();
        log.seen("alice", "key-a");
        log.flush();
        assertThat(asked).containsExactly("alice");
    }

    @Test
    void someoneTheDirectoryDoesNotPlaceIsAskedAboutAgainNextTime() {
        log.seen("bruno", "key-b");
        log.flush();
        assertThat(store.departmentOf("key-b")).isEmpty();
        directory.put("bruno", "Ressources humaines"); // listed now, or the directory is back
        log.seen("bruno", "key-b");
        log.flush();
        assertThat(asked).containsExactly("bruno", "bruno");
        assertThat(store.departmentOf("key-b")).contains("Ressources humaines");
        assertThat(store.departments(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31))).isEmpty();
    }

    @Test
    void anOverlongDepartmentIsCut() {
        directory.put("carla", "x".repeat(300));
        log.seen("carla", "key-c");
        log.flush();
        assertThat(store.departmentOf("key-c")).hasValueSatisfying(d -> assertThat(d).hasSize(200));
    }

    @Test
    void oneFlushAsksAboutAThousandPeopleAtMostTheOthersWait() {
        for (int i = 0; i < 1_200; i++) {
            directory.put("p" + i, "Production");
            log.seen("p" + i, "key-" + i);
        }
        log.flush();
        assertThat(asked).hasSize(1_000);
        log.flush();
        assertThat(asked).hasSize(1_200).doesNotHaveDuplicates();
        assertThat(store.departmentOf("key-1199")).contains("Production");
    }
}
