package org.coquille.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Instant;

import org.coquille.spi.ChangeChannel;
import org.coquille.spi.SocialStore;
import org.coquille.spi.StoreDownException;
import org.coquille.spi.StoreHealth;

/**
 * Stands in for a store that no artifact on the class path provides: known down from the start, it refuses every
 * call at once ({@link StoreDownException}), so pages are served without widgets, writes answer 503 and the console
 * says why; nothing is accepted that could be lost. Every method of every part (area) behaves the same, hence a
 * dynamic proxy rather than classes of identical stubs.
 */
final class MissingStore implements InvocationHandler {

    private final String why;
    private final Instant since = Instant.now();

    /** @param why what is missing and what to add, for the log, the console and every refused call */
    MissingStore(String why) {
        this.why = why;
    }

    /** The store: a {@link SocialStore} and a {@link StoreHealth} that is always down. */
    SocialStore proxy() {
        return (SocialStore) Proxy.newProxyInstance(MissingStore.class.getClassLoader(),
                new Class<?>[] {SocialStore.class, StoreHealth.class}, this);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) {
        Class<?> type = method.getReturnType();
        if (type == ChangeChannel.class) {
            return ChangeChannel.NONE; // no store, no other node to hear from
        }
        if (method.getParameterCount() == 0 && type.isInterface() && type.getPackageName().equals("org.coquille.spi")) {
            return Proxy.newProxyInstance(MissingStore.class.getClassLoader(), new Class<?>[] {type}, this); // a part
        }
        return switch (method.getName()) {
            case "describe" -> "no store (add org.coquille:coquille-store-jdbc, and coquille-store-h2 for the embedded database)";
            case "downSince" -> since;
            case "isDown" -> true;
            case "close" -> null;
            case "toString" -> "MissingStore";
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            default -> throw new StoreDownException("Coquille has no store: " + why, since);
        };
    }
}
