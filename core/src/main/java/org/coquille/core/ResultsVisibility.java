package org.coquille.core;

/** When a poll's participants may see its results. Editors always may. */
public enum ResultsVisibility {
    /** To everyone, at any time. */
    ALWAYS,
    /** To those who have answered, and to everyone once it is closed. */
    AFTER_ANSWERING,
    /** To everyone, once it is closed. */
    AFTER_CLOSING
}
