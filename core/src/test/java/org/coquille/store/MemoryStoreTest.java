package org.coquille.store;

import org.coquille.spi.SocialStore;
import org.coquille.spi.SocialStoreContract;

class MemoryStoreTest extends SocialStoreContract {

    @Override
    protected SocialStore openEmptyStore() {
        return new MemoryStore();
    }
}
