package org.coquille.core;

/** The life of a comment: shown, waiting for an editor, hidden by an editor, or deleted. */
public enum CommentState {
    /** Shown to everyone. */
    VISIBLE,
    /** Waiting for an editor's approval; shown only to its author and to editors. */
    PENDING,
    /** Hidden by an editor; shown only to editors. */
    HIDDEN,
    /** Deleted by its author or an editor; its text is kept for the audit but never shown. */
    DELETED
}
