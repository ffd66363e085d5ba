package org.coquille.core;

/** Whether a poll takes one option or several from each participant. */
public enum PollChoice {
    SINGLE, MULTIPLE
}
