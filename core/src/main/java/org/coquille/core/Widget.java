package org.coquille.core;

/** The kinds of widget Coquille can add to a page. */
public enum Widget {
    COMMENTS, VOTE, POLL, REACTIONS, IDEAS, DATE_POLL
}
