package org.coquille.containers;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Map;

import org.coquille.spi.SocialStore;
import org.coquille.spi.StoreProvider;
import org.coquille.spi.StoreUnavailableException;

/** {@code coquille.store=failing}: a store whose every call fails, as a database that is down. */
public final class FailingStoreProvider implements StoreProvider {

    public static final String NAME = "failing";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SocialStore open(Map<String, String> settings, Path workFolder) {
        return (SocialStore) Proxy.newProxyInstance(SocialStore.class.getClassLoader(), new Class<?>[] {SocialStore.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "close" -> null;
                    case "describe", "toString" -> "a store that is down";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new StoreUnavailableException("the database is down", null);
                });
    }
}
