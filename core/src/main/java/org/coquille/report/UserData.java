package org.coquille.report;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.coquille.core.Comment;
import org.coquille.core.PageId;

/**
 * Everything Coquille keeps that one person wrote or chose, for an export on request.
 *
 * @param user      the user id
 * @param comments  their comments and replies, in every state, oldest first
 * @param votes     their page votes, by page
 * @param answers   their poll answers, by poll
 * @param reactions their emoji reactions, by page then emoji
 */
public record UserData(String user, List<Comment> comments, List<Vote> votes, List<Answer> answers,
                       List<Reaction> reactions) {

    public UserData {
        Objects.requireNonNull(user, "user");
        comments = List.copyOf(comments);
        votes = List.copyOf(votes);
        answers = List.copyOf(answers);
        reactions = List.copyOf(reactions);
    }

    /** Whether nothing is kept for the user. */
    public boolean isEmpty() {
        return comments.isEmpty() && votes.isEmpty() && answers.isEmpty() && reactions.isEmpty();
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
}
