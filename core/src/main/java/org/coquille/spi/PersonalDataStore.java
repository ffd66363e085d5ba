package org.coquille.spi;

import org.coquille.core.User;
import org.coquille.core.UserData;

/** Finds and erases everything one person wrote or chose, on their request. */
public interface PersonalDataStore {

    /** The author an erased comment is left with. */
    String ERASED_AUTHOR = User.ERASED_ID;

    /** Everything kept for {@code user} (empty lists if nothing). */
    UserData userData(String user);

    /**
     * Erases {@code user}'s votes, poll answers, reactions, idea votes and date-poll answers, the text and authorship
     * of their comments (which stay as deleted placeholders so that replies keep their place) and of their ideas (which
     * stay, with their votes, status and comments, as {@link org.coquille.core.Idea#erased()}), in one transaction.
     */
    void eraseUser(String user);
}
