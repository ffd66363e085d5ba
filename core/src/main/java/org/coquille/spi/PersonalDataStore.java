package org.coquille.spi;

import org.coquille.report.UserData;

/** Finds and erases everything one person wrote or chose, on their request. */
public interface PersonalDataStore {

    /** The author an erased comment is left with. */
    String ERASED_AUTHOR = "";

    /** Everything kept for {@code user} (empty lists if nothing). */
    UserData userData(String user);

    /**
     * Erases {@code user}'s votes, poll answers and reactions, and the text and authorship of their comments
     * (which stay as deleted placeholders so that replies keep their place), in one transaction.
     */
    void eraseUser(String user);
}
