package org.coquille.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.coquille.Settings;
import org.junit.jupiter.api.Test;

/** How concentrated contribution is, on hand-counted lists, and the retention setting's checks. */
class ConcentrationTest {

    @Test
    void topOnePercentAndTenPercentOfTwentyContributors() {
        // 20 people: one made 40, one 20, then 18 made 2 each: 96 contributions
        List<Long> counts = new ArrayList<>(Collections.nCopies(18, 2L));
        counts.add(20L);
        counts.add(40L);
        Collections.shuffle(counts);
        Concentration c = Concentration.of(counts);
        assertThat(c.contributors()).isEqualTo(20);
        assertThat(c.contributions()).isEqualTo(96);
        assertThat(c.top1People()).isEqualTo(1);
        assertThat(c.top10People()).isEqualTo(2);
        assertThat(c.top1Share()).isCloseTo(40.0 / 96, within(1e-9));
        assertThat(c.top10Share()).isCloseTo(60.0 / 96, within(1e-9));
    }

    @Test
    void twoHundredContributorsMakeTwoPeopleTheTopOnePercent() {
        List<Long> counts = new ArrayList<>(Collections.nCopies(198, 1L));
        counts.add(101L);
        counts.add(101L);
        Concentration c = Concentration.of(counts);
        assertThat(c.top1People()).isEqualTo(2);
        assertThat(c.top1Share()).isCloseTo(202.0 / 400, within(1e-9));
        assertThat(c.top10Share()).isCloseTo((202.0 + 18) / 400, within(1e-9));
    }

    @Test
    void nobodyContributedIsZeroNotAnError() {
        assertThat(Concentration.of(List.of())).isEqualTo(new Concentration(0, 0, 0, 0));
    }

    @Test
    void retentionShorterThanAWeekIsRefusedWithItsName() {
        assertThatThrownBy(() -> Settings.of(Map.of(Settings.REPORT_RETENTION, "P3D")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("coquille.report.retention").hasMessageContaining("at least 7 days");
        assertThat(Settings.of(Map.of(Settings.REPORT_RETENTION, "P90D")).duration(Settings.REPORT_RETENTION).toDays())
                .isEqualTo(90);
    }
}
