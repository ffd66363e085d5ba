package org.coquille.core;

/** Turns a user id into the name colleagues know; what the widgets, the console and the e-mails show. */
@FunctionalInterface
public interface DisplayNames {

    /** The display name of {@code userId}, or the id itself when nobody knows better; never throws. */
    String of(String userId);

    /** The ids themselves, as without a directory. */
    static DisplayNames ids() {
        return id -> id;
    }
}
