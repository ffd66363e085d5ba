package org.coquille.core;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The votes on one page, as the number of votes for each value ({@code -1}/{@code 1} for thumbs,
 * 1 to 5 for stars).
 *
 * @param counts votes per value; values nobody chose are absent
 */
public record VoteTally(SortedMap<Integer, Long> counts) {

    public static final VoteTally EMPTY = new VoteTally(new TreeMap<>());

    public VoteTally {
        counts = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(counts));
    }

    public static VoteTally of(Map<Integer, Long> counts) {
        return new VoteTally(new TreeMap<>(counts));
    }

    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    public long count(int value) {
        return counts.getOrDefault(value, 0L);
    }

    /** The mean value, or 0 when nobody voted. */
    public double average() {
        long total = total();
        if (total == 0) {
            return 0;
        }
        long sum = 0;
        for (Map.Entry<Integer, Long> e : counts.entrySet()) {
            sum += e.getKey() * e.getValue();
        }
        return (double) sum / total;
    }
}
