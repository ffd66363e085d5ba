package org.coquille.core;

import java.util.List;

/**
 * How a poll was answered.
 *
 * @param pollId       the poll
 * @param votesPerOption for each option index, how many participants chose it
 * @param participants how many people answered
 */
public record PollResults(long pollId, List<Long> votesPerOption, long participants) {

    public PollResults {
        votesPerOption = List.copyOf(votesPerOption);
    }

    /** The share of participants who chose {@code option}, from 0 to 1. */
    public double share(int option) {
        return participants == 0 ? 0 : (double) votesPerOption.get(option) / participants;
    }
}
