package org.coquille.internal.web;

import java.util.Set;

import org.coquille.core.PageId;

/**
 * One widget action, whether it came as a form post or as JSON.
 *
 * @param action  {@code comment}, {@code comment/edit}, {@code comment/delete}, {@code vote}, {@code poll} or {@code reaction}
 * @param page    the page it is about (for page-level actions)
 * @param body    a comment's text
 * @param parent  the comment replied to
 * @param comment the comment edited or deleted
 * @param vote    the vote value, or {@code null} to withdraw
 * @param poll    the poll answered
 * @param options the options chosen
 * @param emoji   the reaction
 * @param on      whether the reaction is turned on
 */
record ActionRequest(String action, PageId page, String body, Long parent, Long comment, Integer vote, Long poll,
                     Set<Integer> options, String emoji, boolean on) {

    static final Set<String> ACTIONS = Set.of("comment", "comment/edit", "comment/delete", "vote", "poll", "reaction");
}
