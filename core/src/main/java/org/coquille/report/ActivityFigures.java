package org.coquille.report;

import java.time.LocalDate;

import org.coquille.core.PageId;

/**
 * What happened on a page (or on every page) during a day, a week or a period.
 *
 * @param page               the page, or {@code null} for the whole intranet
 * @param start              the first day of the day or week, or {@code null} for a whole period
 * @param views              page views
 * @param uniqueViewers      different people who viewed
 * @param comments           comments and replies posted
 * @param uniqueCommenters   different people who commented
 * @param votes              page votes cast (a changed vote counts again)
 * @param reactions          emoji reactions added (one taken back later still counts: the person did react;
 *                           setting a reaction that is already on does not count again)
 * @param answers            poll answers given
 * @param uniqueReactors     different people who reacted, voted or answered a poll
 * @param uniqueContributors different people who did any of these, commenting included
 */
public record ActivityFigures(PageId page, LocalDate start, long views, long uniqueViewers, long comments,
                              long uniqueCommenters, long votes, long reactions, long answers, long uniqueReactors,
                              long uniqueContributors) {

    /** Nothing happened. */
    public static ActivityFigures none(PageId page, LocalDate start) {
        return new ActivityFigures(page, start, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** Every contribution: comments, votes, reactions and answers. */
    public long contributions() {
        return comments + votes + reactions + answers;
    }

    /** Unique contributors over unique viewers, from 0 to 1 (0 when nobody viewed). */
    public double participationRate() {
        return uniqueViewers == 0 ? 0 : (double) uniqueContributors / uniqueViewers;
    }

    /** The same figures for another page and start. */
    public ActivityFigures at(PageId newPage, LocalDate newStart) {
        return new ActivityFigures(newPage, newStart, views, uniqueViewers, comments, uniqueCommenters, votes,
                reactions, answers, uniqueReactors, uniqueContributors);
    }

    /**
     * These figures plus {@code other}'s: counts add exactly; unique counts add too, which counts a
     * person present in both twice (used only where the people are no longer known).
     */
    public ActivityFigures plus(ActivityFigures other) {
        return new ActivityFigures(page, start, views + other.views, uniqueViewers + other.uniqueViewers,
                comments + other.comments, uniqueCommenters + other.uniqueCommenters, votes + other.votes,
                reactions + other.reactions, answers + other.answers, uniqueReactors + other.uniqueReactors,
                uniqueContributors + other.uniqueContributors);
    }
}
