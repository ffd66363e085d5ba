package org.coquille.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.coquille.core.Objective;
import org.coquille.report.ObjectiveProgress.Status;
import org.junit.jupiter.api.Test;

/**
 * Where a page stands against its objective, on hand-computed figures. The experiment below runs from Sunday
 * 1 March to Tuesday 31 March 2026: 31 days, target 30 contributors.
 */
class ObjectiveProgressTest {

    static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);
    static final LocalDate MARCH_31 = LocalDate.of(2026, 3, 31);
    static final Objective THIRTY_IN_MARCH = new Objective(Objective.Purpose.IDEAS, null, 30, MARCH_31, MARCH_1);

    private static Status status(Objective objective, long contributors, LocalDate today) {
        ObjectiveProgress progress = ObjectiveProgress.of(objective, contributors, today);
        assertThat(progress.contributors()).isEqualTo(contributors);
        return progress.status();
    }

    @Test
    void reachedAsSoonAsContributorsMeetTheTarget() {
        assertThat(status(THIRTY_IN_MARCH, 30, LocalDate.of(2026, 3, 5))).isEqualTo(Status.REACHED);
        assertThat(status(THIRTY_IN_MARCH, 31, MARCH_31)).isEqualTo(Status.REACHED);
        // reached stays reached after the end date
        assertThat(status(THIRTY_IN_MARCH, 30, LocalDate.of(2026, 4, 15))).isEqualTo(Status.REACHED);
    }

    @Test
    void onTrackWhenThePaceSoFarReachesTheTargetByTheEnd() {
        // 10 March: 10 of 31 days elapsed. 10 contributors: 10 x 31 = 310 >= 30 x 10 = 300
        assertThat(status(THIRTY_IN_MARCH, 10, LocalDate.of(2026, 3, 10))).isEqualTo(Status.ON_TRACK);
        // first day: 1 of 31 days, 1 contributor: 31 >= 30
        assertThat(status(THIRTY_IN_MARCH, 1, MARCH_1)).isEqualTo(Status.ON_TRACK);
        // last day, 29: 29 x 31 = 899 < 30 x 31 = 930
        assertThat(status(THIRTY_IN_MARCH, 29, MARCH_31)).isEqualTo(Status.BEHIND);
    }

    @Test
    void behindWhenThePaceSoFarFallsShort() {
        // 10 March: 9 contributors: 9 x 31 = 279 < 300
        assertThat(status(THIRTY_IN_MARCH, 9, LocalDate.of(2026, 3, 10))).isEqualTo(Status.BEHIND);
        // 16 March: 16 of 31 days, 15 contributors: 465 < 480; 16 contributors: 496 >= 480
        assertThat(status(THIRTY_IN_MARCH, 15, LocalDate.of(2026, 3, 16))).isEqualTo(Status.BEHIND);
        assertThat(status(THIRTY_IN_MARCH, 16, LocalDate.of(2026, 3, 16))).isEqualTo(Status.ON_TRACK);
        // first day, nobody yet
        assertThat(status(THIRTY_IN_MARCH, 0, MARCH_1)).isEqualTo(Status.BEHIND);
    }

    @Test
    void endedNotReachedTheDayAfterTheEndDate() {
        assertThat(status(THIRTY_IN_MARCH, 29, LocalDate.of(2026, 4, 1))).isEqualTo(Status.ENDED_NOT_REACHED);
        assertThat(status(THIRTY_IN_MARCH, 0, LocalDate.of(2027, 1, 1))).isEqualTo(Status.ENDED_NOT_REACHED);
    }

    @Test
    void noTargetWhateverTheContributorsAndDates() {
        Objective open = new Objective(Objective.Purpose.OPINION, null, null, MARCH_31, MARCH_1);
        assertThat(status(open, 0, MARCH_1)).isEqualTo(Status.NO_TARGET);
        assertThat(status(open, 500, LocalDate.of(2026, 5, 1))).isEqualTo(Status.NO_TARGET);
    }

    @Test
    void underWayWithATargetButNoEndDate() {
        Objective noEnd = new Objective(Objective.Purpose.EVENT, null, 12, null, MARCH_1);
        assertThat(status(noEnd, 11, LocalDate.of(2026, 9, 1))).isEqualTo(Status.UNDER_WAY);
        assertThat(status(noEnd, 12, LocalDate.of(2026, 9, 1))).isEqualTo(Status.REACHED);
    }

    @Test
    void aTodayBeforeTheStartCountsAsTheFirstDay() {
        // clocks differ between nodes: a day early is the first day, not a division by zero
        assertThat(status(THIRTY_IN_MARCH, 1, LocalDate.of(2026, 2, 28))).isEqualTo(Status.ON_TRACK);
        assertThat(status(THIRTY_IN_MARCH, 0, LocalDate.of(2026, 2, 28))).isEqualTo(Status.BEHIND);
    }

    @Test
    void contributionsCountUntilTheEndDateOrToday() {
        assertThat(ObjectiveProgress.countedUntil(THIRTY_IN_MARCH, LocalDate.of(2026, 3, 10)))
                .isEqualTo(LocalDate.of(2026, 3, 10));
        assertThat(ObjectiveProgress.countedUntil(THIRTY_IN_MARCH, LocalDate.of(2026, 4, 10))).isEqualTo(MARCH_31);
        Objective noEnd = new Objective(Objective.Purpose.EVENT, null, 12, null, MARCH_1);
        assertThat(ObjectiveProgress.countedUntil(noEnd, LocalDate.of(2026, 4, 10))).isEqualTo(LocalDate.of(2026, 4, 10));
    }
}
