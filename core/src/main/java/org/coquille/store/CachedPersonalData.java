package org.coquille.store;

import org.coquille.core.UserData;
import org.coquille.spi.ChangeNotice;
import org.coquille.spi.PersonalDataStore;

/** One person's data, read through; erasing it forgets every cached entry, since it may be on any page. */
final class CachedPersonalData implements PersonalDataStore {

    private final PersonalDataStore store;
    private final Caching caching;

    CachedPersonalData(PersonalDataStore store, Caching caching) {
        this.store = store;
        this.caching = caching;
    }

    @Override
    public UserData userData(String user) {
        return store.userData(user);
    }

    @Override
    public void eraseUser(String user) {
        store.eraseUser(user);
        caching.changed(ChangeNotice.Area.EVERYTHING, null, null, null);
    }
}
