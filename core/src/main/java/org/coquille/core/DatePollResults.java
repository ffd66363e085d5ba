package org.coquille.core;

import java.util.ArrayList;
import java.util.List;

/**
 * How a date poll was answered, slot by slot. A slot's score is 2 per yes and 1 per if need be; the best
 * slots have the highest score and, among those, the most yes. No slot is best before anyone said yes or
 * if need be.
 *
 * @param pollId       the poll
 * @param slots        the tally of each slot, in slot order
 * @param participants how many users answered at least one slot
 */
public record DatePollResults(long pollId, List<SlotTally> slots, long participants) {

    /**
     * One slot's answers.
     *
     * @param yes      how many said yes
     * @param ifNeedBe how many said if need be
     * @param no       how many said no
     */
    public record SlotTally(long yes, long ifNeedBe, long no) {

        public long score() {
            return Availability.YES.weight() * yes + Availability.IF_NEED_BE.weight() * ifNeedBe;
        }
    }

    public DatePollResults {
        slots = List.copyOf(slots);
    }

    /** The indexes of the best slots (several when tied on score and yes), empty when nobody is available. */
    public List<Integer> best() {
        long bestScore = 0;
        long bestYes = 0;
        List<Integer> best = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            SlotTally t = slots.get(i);
            if (t.score() == 0) {
                continue;
            }
            int order = best.isEmpty() ? 1 : Long.compare(t.score(), bestScore) != 0
                    ? Long.compare(t.score(), bestScore) : Long.compare(t.yes(), bestYes);
            if (order > 0) {
                best.clear();
                bestScore = t.score();
                bestYes = t.yes();
            }
            if (order >= 0) {
                best.add(i);
            }
        }
        return List.copyOf(best);
    }
}
