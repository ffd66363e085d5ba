package org.coquille.store;

import java.util.List;

import org.coquille.core.UserData;
import org.coquille.spi.PersonalDataStore;

/** One person's data, read through; erasing it forgets every cached entry, since it may be on any page. */
final class CachedPersonalData implements PersonalDataStore {

    private final PersonalDataStore store;
    private final List<Runnable> forgetAll;

    CachedPersonalData(PersonalDataStore store, List<Runnable> forgetAll) {
        this.store = store;
        this.forgetAll = forgetAll;
    }

    @Override
    public UserData userData(String user) {
        return store.userData(user);
    }

    @Override
    public void eraseUser(String user) {
        store.eraseUser(user);
        forgetAll.forEach(Runnable::run);
    }
}
