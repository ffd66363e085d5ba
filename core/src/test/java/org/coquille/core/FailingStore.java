package org.coquille.core;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

import org.coquille.spi.SocialStore;
import org.coquille.spi.StoreUnavailableException;

/** A store whose every operation fails, as one whose database is down; its parts are handed out, then fail. */
final class FailingStore {

    private FailingStore() {
    }

    static SocialStore create() {
        return failing(SocialStore.class);
    }

    private static <T> T failing(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> answer(proxy, method, args)));
    }

    private static Object answer(Object proxy, Method method, Object[] args) {
        if (method.getParameterCount() == 0 && method.getReturnType().getPackageName().equals("org.coquille.spi")) {
            return failing(method.getReturnType()); // a part: the store's areas
        }
        return switch (method.getName()) {
            case "close" -> null;
            case "describe" -> "a store that is down";
            case "toString" -> "FailingStore";
            case "hashCode" -> 0;
            case "equals" -> proxy == args[0];
            default -> throw new StoreUnavailableException("database is down", new java.sql.SQLException("down"));
        };
    }
}
