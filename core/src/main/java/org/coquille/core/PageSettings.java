package org.coquille.core;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import org.coquille.inject.Placement;

/**
 * What Coquille does on one page: which widgets are on, where they go, how the page is voted on,
 * and how its comments are moderated. Every widget is off by default.
 *
 * @param page           the page
 * @param widgets        the widgets that are on, possibly none
 * @param placement      where the widgets go
 * @param voteKind       the kind of page vote
 * @param moderation     whether comments wait for approval
 * @param commentsLocked whether the page's comments are read-only
 * @param objective      what the widgets are for, or {@code null} when the editor has not said
 */
public record PageSettings(PageId page, Set<Widget> widgets, Placement placement, VoteKind voteKind,
                           Moderation moderation, boolean commentsLocked, Objective objective) {

    public PageSettings {
        Objects.requireNonNull(page, "page");
        widgets = widgets.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(widgets));
        Objects.requireNonNull(placement, "placement");
        Objects.requireNonNull(voteKind, "voteKind");
        Objects.requireNonNull(moderation, "moderation");
    }

    /** Settings without an objective. */
    public PageSettings(PageId page, Set<Widget> widgets, Placement placement, VoteKind voteKind,
                        Moderation moderation, boolean commentsLocked) {
        this(page, widgets, placement, voteKind, moderation, commentsLocked, null);
    }

    /** The settings of a page nobody has configured: every widget off. */
    public static PageSettings off(PageId page) {
        return new PageSettings(page, Set.of(), Placement.DEFAULT, VoteKind.THUMBS, Moderation.POST, false);
    }

    public boolean isOn(Widget widget) {
        return widgets.contains(widget);
    }

    public boolean anyOn() {
        return !widgets.isEmpty();
    }

    public PageSettings withWidgets(Set<Widget> newWidgets) {
        return new PageSettings(page, newWidgets, placement, voteKind, moderation, commentsLocked, objective);
    }

    public PageSettings withPlacement(Placement newPlacement) {
        return new PageSettings(page, widgets, newPlacement, voteKind, moderation, commentsLocked, objective);
    }

    public PageSettings withVoteKind(VoteKind newKind) {
        return new PageSettings(page, widgets, placement, newKind, moderation, commentsLocked, objective);
    }

    public PageSettings withModeration(Moderation newModeration) {
        return new PageSettings(page, widgets, placement, voteKind, newModeration, commentsLocked, objective);
    }

    public PageSettings withCommentsLocked(boolean locked) {
        return new PageSettings(page, widgets, placement, voteKind, moderation, locked, objective);
    }

    /** The same settings with {@code newObjective}, or none when it is {@code null}. */
    public PageSettings withObjective(Objective newObjective) {
        return new PageSettings(page, widgets, placement, voteKind, moderation, commentsLocked, newObjective);
    }
}
