package org.coquille.report;

import java.util.List;

/**
 * How concentrated contribution is: the share of all contributions made by the most active 1 % and 10 % of
 * contributors (at least one person each).
 *
 * @param contributors  how many people contributed
 * @param contributions how many contributions they made
 * @param top1Share     the share of the top 1 %, from 0 to 1
 * @param top10Share    the share of the top 10 %, from 0 to 1
 */
public record Concentration(long contributors, long contributions, double top1Share, double top10Share) {

    /** From each contributor's number of contributions, in any order. */
    public static Concentration of(List<Long> perContributor) {
        List<Long> sorted = perContributor.stream().sorted(java.util.Comparator.reverseOrder()).toList();
        long total = sorted.stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return new Concentration(sorted.size(), 0, 0, 0);
        }
        return new Concentration(sorted.size(), total, share(sorted, total, 0.01), share(sorted, total, 0.10));
    }

    private static double share(List<Long> sorted, long total, double fraction) {
        int top = (int) Math.max(1, Math.ceil(sorted.size() * fraction - 1e-9));
        long made = sorted.subList(0, Math.min(top, sorted.size())).stream().mapToLong(Long::longValue).sum();
        return (double) made / total;
    }

    /** How many people the top 1 % is. */
    public long top1People() {
        return contributors == 0 ? 0 : (long) Math.max(1, Math.ceil(contributors * 0.01 - 1e-9));
    }

    /** How many people the top 10 % is. */
    public long top10People() {
        return contributors == 0 ? 0 : (long) Math.max(1, Math.ceil(contributors * 0.10 - 1e-9));
    }
}
