package org.coquille.core;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;


/**
 * Everything Coquille keeps that one person wrote or chose, for an export on request.
 *
 * @param user      the user id
 * @param comments  their comments and replies, in every state, oldest first
 * @param votes     their page votes, by page
 * @param answers   their poll answers, by poll
 * @param reactions their emoji reactions, by page then emoji
 * @param ideas     the ideas they submitted, oldest first
 * @param ideaVotes their votes for ideas, by idea
 * @param dateAnswers their date-poll answers, by poll
 */
public record UserData(String user, List<Comment> comments, List<Vote> votes, List<Answer> answers,
                       List<Reaction> reactions, List<Idea> ideas, List<IdeaVote> ideaVotes,
                       List<DateAnswer> dateAnswers) {

    public UserData {
        Objects.requireNonNull(user, "user");
        comments = List.copyOf(comments);
        votes = List.copyOf(votes);
        answers = List.copyOf(answers);
        reactions = List.copyOf(reactions);
        ideas = List.copyOf(ideas);
        ideaVotes = List.copyOf(ideaVotes);
        dateAnswers = List.copyOf(dateAnswers);
    }

    /** Whether nothing is kept for the user. */
    public boolean isEmpty() {
        return comments.isEmpty() && votes.isEmpty() && answers.isEmpty() && reactions.isEmpty() && ideas.isEmpty()
                && ideaVotes.isEmpty() && dateAnswers.isEmpty();
    }

    /** A vote on a page. */
    public record Vote(PageId page, int value, Instant at) { }

    /** An answer to a poll: the chosen option indexes, from 0. */
    public record Answer(long poll, PageId page, Set<Integer> options, Instant at) {

        public Answer {
            options = Set.copyOf(options);
        }
    }

    /** An emoji reaction on a page. */
    public record Reaction(PageId page, String emoji, Instant at) { }

    /** A vote for an idea. */
    public record IdeaVote(long idea, PageId page) { }

    /** An answer to a date poll: the availability given per slot index. */
    public record DateAnswer(long poll, PageId page, Map<Integer, Availability> slots) {

        public DateAnswer {
            slots = Map.copyOf(slots);
        }
    }
}
