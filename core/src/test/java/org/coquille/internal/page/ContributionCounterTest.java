package org.coquille.internal.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.coquille.core.Contribution;
import org.coquille.core.ContributionBatch;
import org.coquille.core.PageId;
import org.coquille.core.User;
import org.coquille.spi.ActivityStore;
import org.junit.jupiter.api.Test;

/** Contributions are counted per page, day (in the installation's zone) and kind, under each contributor's key. */
class ContributionCounterTest {

    private final List<ContributionBatch> written = new ArrayList<>();
    private final ActivityStore store = (ActivityStore) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {ActivityStore.class}, (proxy, method, args) -> {
                if (method.getName().equals("addContributions")) {
                    @SuppressWarnings("unchecked")
                    Collection<ContributionBatch> batches = (Collection<ContributionBatch>) args[0];
                    written.addAll(batches);
                    return null;
                }
                throw new UnsupportedOperationException(method.getName());
            });

    /** 23:30 in UTC is already the next day in Paris. */
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-03T23:30:00Z"), ZoneOffset.UTC);

    private ContributionBatch batch(String page, Contribution kind) {
        return written.stream().filter(b -> b.page().value().equals(page) && b.kind() == kind).findFirst().orElseThrow();
    }

    @Test
    void theSameContributionsOfOnePageDayAndKindAreCountedTogether() {
        ContributionCounter counter = new ContributionCounter(store, clock, ZoneId.of("Europe/Paris"), User::id);
        counter.contributed(User.employee("alice"), PageId.of("/news/canteen.jsp"), Contribution.VOTE);
        counter.contributed(User.employee("alice"), PageId.of("/news/canteen.jsp"), Contribution.VOTE);
        counter.contributed(User.employee("bob"), PageId.of("/news/canteen.jsp"), Contribution.VOTE);
        counter.contributed(User.employee("alice"), PageId.of("/news/canteen.jsp"), Contribution.COMMENT);
        counter.contributed(User.employee("alice"), PageId.of("/news/other.jsp"), Contribution.VOTE);
        counter.flush();

        assertThat(written).hasSize(3);
        assertThat(batch("/news/canteen.jsp", Contribution.VOTE).counts()).isEqualTo(Map.of("alice", 2L, "bob", 1L));
        assertThat(batch("/news/canteen.jsp", Contribution.COMMENT).counts()).isEqualTo(Map.of("alice", 1L));
        assertThat(batch("/news/other.jsp", Contribution.VOTE).counts()).isEqualTo(Map.of("alice", 1L));
        assertThat(written).allSatisfy(b -> assertThat(b.day()).isEqualTo(LocalDate.parse("2026-12-04")));
    }

    @Test
    void anotherDayIsAnotherCount() {
        ContributionCounter paris = new ContributionCounter(store, clock, ZoneId.of("Europe/Paris"), User::id);
        ContributionCounter utc = new ContributionCounter(store, clock, ZoneOffset.UTC, User::id);
        paris.contributed(User.employee("alice"), PageId.of("/news/canteen.jsp"), Contribution.VOTE);
        utc.contributed(User.employee("alice"), PageId.of("/news/canteen.jsp"), Contribution.VOTE);
        paris.flush();
        utc.flush();
        assertThat(written).extracting(ContributionBatch::day)
                .containsExactly(LocalDate.parse("2026-12-04"), LocalDate.parse("2026-12-03"));
    }
}
