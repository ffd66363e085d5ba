package org.coquille.store;

import org.coquille.core.UserData;
import org.coquille.spi.PersonalDataStore;

/** One person's data across the in-memory store's parts, read and erased under the store's lock. */
final class MemoryPersonalData implements PersonalDataStore {

    private final MemoryStore store;

    MemoryPersonalData(MemoryStore store) {
        this.store = store;
    }

    @Override
    public UserData userData(String user) {
        synchronized (store.lock) {
            return new UserData(user, store.comments.by(user), store.votes.by(user), store.polls.answersBy(user),
                    store.reactions.by(user), store.ideas.ideasBy(user), store.ideas.votesBy(user),
                    store.datePolls.answersBy(user));
        }
    }

    @Override
    public void eraseUser(String user) {
        synchronized (store.lock) {
            store.comments.erase(user);
            store.votes.erase(user);
            store.polls.erase(user);
            store.reactions.erase(user);
            store.ideas.erase(user);
            store.datePolls.erase(user);
        }
    }
}
