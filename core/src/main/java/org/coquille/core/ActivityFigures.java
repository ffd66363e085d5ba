package org.coquille.core;

import java.time.LocalDate;


/**
 * What happened on a page (or on every page) during a day, a week or a period. In the funnel, writing
 * (a comment or an idea) is the heavy contribution; a reaction, a page vote, a poll answer, an idea vote or
 * a date-poll answer is a light one.
 *
 * @param page               the page, or {@code null} for the whole intranet
 * @param start              the first day of the day or week, or {@code null} for a whole period
 * @param views              page views
 * @param uniqueViewers      different people who viewed
 * @param comments           comments and replies posted
 * @param uniqueCommenters   different people who wrote: commented or submitted an idea
 * @param votes              page votes cast (a changed vote counts again)
 * @param reactions          emoji reactions added (one taken back later still counts: the person did react;
 *                           setting a reaction that is already on does not count again)
 * @param answers            poll answers given
 * @param uniqueReactors     different people who made a light contribution: reacted, voted, answered a poll,
 *                           voted for an idea or answered a date poll
 * @param uniqueContributors different people who did any of these, writing included
 * @param ideas              ideas submitted in an idea box
 * @param ideaVotes          votes for ideas (a changed vote counts again)
 * @param dateAnswers        date-poll answers given (one per participant and save, whatever the number of slots)
 */
public record ActivityFigures(PageId page, LocalDate start, long views, long uniqueViewers, long comments,
                              long uniqueCommenters, long votes, long reactions, long answers, long uniqueReactors,
                              long uniqueContributors, long ideas, long ideaVotes, long dateAnswers) {

    /** Figures without idea box and date poll contributions. */
    public ActivityFigures(PageId page, LocalDate start, long views, long uniqueViewers, long comments,
                           long uniqueCommenters, long votes, long reactions, long answers, long uniqueReactors,
                           long uniqueContributors) {
        this(page, start, views, uniqueViewers, comments, uniqueCommenters, votes, reactions, answers, uniqueReactors,
                uniqueContributors, 0, 0, 0);
    }

    /** Nothing happened. */
    public static ActivityFigures none(PageId page, LocalDate start) {
        return new ActivityFigures(page, start, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** Every contribution: comments, votes, reactions, poll answers, ideas, idea votes and date-poll answers. */
    public long contributions() {
        return comments + votes + reactions + answers + ideas + ideaVotes + dateAnswers;
    }

    /** Unique contributors over unique viewers, from 0 to 1 (0 when nobody viewed). */
    public double participationRate() {
        return uniqueViewers == 0 ? 0 : (double) uniqueContributors / uniqueViewers;
    }

    /** The same figures for another page and start. */
    public ActivityFigures at(PageId newPage, LocalDate newStart) {
        return new ActivityFigures(newPage, newStart, views, uniqueViewers, comments, uniqueCommenters, votes,
                reactions, answers, uniqueReactors, uniqueContributors, ideas, ideaVotes, dateAnswers);
    }

    /**
     * These figures plus {@code other}'s: counts add exactly; unique counts add too, which counts a
     * person present in both twice (used only where the people are no longer known).
     */
    public ActivityFigures plus(ActivityFigures other) {
        return new ActivityFigures(page, start, views + other.views, uniqueViewers + other.uniqueViewers,
                comments + other.comments, uniqueCommenters + other.uniqueCommenters, votes + other.votes,
                reactions + other.reactions, answers + other.answers, uniqueReactors + other.uniqueReactors,
                uniqueContributors + other.uniqueContributors, ideas + other.ideas, ideaVotes + other.ideaVotes,
                dateAnswers + other.dateAnswers);
    }
}
