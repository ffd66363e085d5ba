package org.coquille.store.jdbc;

import java.lang.reflect.Proxy;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.spi.InitialContextFactory;

/** A JNDI context holding {@link #BINDINGS}, for tests that look a {@code DataSource} up as a container would. */
public final class TestNamingFactory implements InitialContextFactory {

    static final Map<String, Object> BINDINGS = new ConcurrentHashMap<>();

    @Override
    public Context getInitialContext(Hashtable<?, ?> environment) {
        return (Context) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Context.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "lookup" -> {
                        Object found = BINDINGS.get(String.valueOf(args[0]));
                        if (found == null) {
                            throw new NameNotFoundException(String.valueOf(args[0]));
                        }
                        yield found;
                    }
                    case "close" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
