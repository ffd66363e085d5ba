package org.coquille.internal.web;

import java.util.Map;
import java.util.Set;

import org.coquille.core.PageId;

/**
 * One widget action, whether it came as a form post or as JSON.
 *
 * @param action  one of {@link #ACTIONS}
 * @param page    the page it is about (for page-level actions)
 * @param body    a comment's text
 * @param parent  the comment replied to
 * @param comment the comment edited or deleted
 * @param vote    the vote value, or {@code null} to withdraw
 * @param poll    the poll answered
 * @param options the options chosen
 * @param emoji   the reaction
 * @param on      whether the reaction (or the vote for an idea) is turned on
 * @param idea     the idea voted for or answered
 * @param title    a new idea's title
 * @param status   the status an editor gives an idea
 * @param datePoll the date poll answered or closed
 * @param slot     the slot an editor chooses to close a date poll
 * @param slots    a date-poll answer: {@code yes}, {@code maybe} or {@code no} by slot index
 */
record ActionRequest(String action, PageId page, String body, Long parent, Long comment, Integer vote, Long poll,
                     Set<Integer> options, String emoji, boolean on, Long idea, String title, String status,
                     Long datePoll, Integer slot, Map<Integer, String> slots) {

    static final Set<String> ACTIONS = Set.of("comment", "comment/edit", "comment/delete", "vote", "poll", "reaction",
            "idea", "idea/vote", "idea/status", "datepoll", "datepoll/close");
}
