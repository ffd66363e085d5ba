package org.coquille.core;

/** Whether a page's new comments show at once ({@code POST}) or wait for an editor ({@code PRE}). */
public enum Moderation {
    /** Comments are visible at once; editors may hide them afterwards. */
    POST,
    /** Comments are pending until an editor approves them. */
    PRE
}
