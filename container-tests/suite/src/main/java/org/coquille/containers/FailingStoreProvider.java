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
        return failing(SocialStore.class);
    }

    /** A store, or one of its parts (its areas), whose every operation fails. */
    private static <T> T failing(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getParameterCount() == 0 && method.getReturnType().getPackageName().equals("org.coquille.spi")) {
                return failing(method.getReturnType());
            }
            return switch (method.getName()) {
                case "close" -> null;
                case "describe", "toString" -> "a store that is down";
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> throw new StoreUnavailableException("the database is down", null);
            };
        }));
    }
}
