package org.coquille.core;

import java.util.EnumSet;
import java.util.Set;

/** Where an idea stands, as editors mark it; each status says which ones may follow it. */
public enum IdeaStatus {
    NEW, UNDER_STUDY, ACCEPTED, DONE, DECLINED;

    /** The statuses an editor may move an idea to from this one. */
    public Set<IdeaStatus> next() {
        return switch (this) {
            case NEW -> EnumSet.of(UNDER_STUDY, ACCEPTED, DECLINED);
            case UNDER_STUDY -> EnumSet.of(ACCEPTED, DECLINED);
            case ACCEPTED -> EnumSet.of(DONE, DECLINED);
            case DECLINED -> EnumSet.of(UNDER_STUDY);
            case DONE -> EnumSet.noneOf(IdeaStatus.class);
        };
    }

    public boolean canBecome(IdeaStatus status) {
        return next().contains(status);
    }
}
