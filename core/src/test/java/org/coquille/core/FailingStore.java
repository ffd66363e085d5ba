package org.coquille.core;

import java.lang.reflect.Proxy;

import org.coquille.spi.SocialStore;
import org.coquille.spi.StoreUnavailableException;

/** A store whose every operation fails, as one whose database is down. */
final class FailingStore {

    private FailingStore() {
    }

    static SocialStore create() {
        return (SocialStore) Proxy.newProxyInstance(SocialStore.class.getClassLoader(), new Class<?>[] {SocialStore.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "close" -> null;
                    case "describe" -> "a store that is down";
                    case "toString" -> "FailingStore";
                    case "hashCode" -> 0;
                    case "equals" -> proxy == args[0];
                    default -> throw new StoreUnavailableException("database is down", new java.sql.SQLException("down"));
                });
    }
}
