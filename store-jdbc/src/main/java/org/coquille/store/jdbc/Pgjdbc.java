package org.coquille.store.jdbc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * pgjdbc's notification API ({@code org.postgresql.PGConnection}), reached by reflection: the driver is the host's,
 * so this jar can neither bundle it nor name it in its POM.
 */
final class Pgjdbc {

    private Pgjdbc() {
    }

    /** A listening connection's notifications. */
    interface Listening {
        /** The payloads of the notifications on {@code channel} received within {@code millis} (none: empty). */
        List<String> notifications(String channel, int millis) throws SQLException;

        int backendPid() throws SQLException;
    }

    /** {@code connection}'s notifications, through pgjdbc's {@code PGConnection}. */
    static Listening of(Connection connection) throws SQLException {
        Class<?> type = pgConnection(connection);
        Object pg = connection.unwrap(type);
        Method getNotifications = method(type, "getNotifications", int.class);
        Method getBackendPid = method(type, "getBackendPID");
        return new Listening() {
            private Class<?> notificationClass;
            private Method getName;
            private Method getParameter;

            @Override
            public List<String> notifications(String channel, int millis) throws SQLException {
                Object[] received = (Object[]) call(getNotifications, pg, millis);
                List<String> payloads = new ArrayList<>();
                if (received != null) {
                    for (Object notification : received) {
                        if (notification.getClass() != notificationClass) {
                            Class<?> api = publicType(notification.getClass(), "org.postgresql.PGNotification");
                            getName = method(api, "getName");
                            getParameter = method(api, "getParameter");
                            notificationClass = notification.getClass();
                        }
                        if (channel.equals(call(getName, notification))) {
                            payloads.add((String) call(getParameter, notification));
                        }
                    }
                }
                return payloads;
            }

            @Override
            public int backendPid() throws SQLException {
                return (Integer) call(getBackendPid, pg);
            }
        };
    }

    private static Class<?> pgConnection(Connection connection) throws SQLException {
        List<ClassLoader> loaders = new ArrayList<>();
        loaders.add(connection.getClass().getClassLoader());
        loaders.add(Thread.currentThread().getContextClassLoader());
        loaders.add(Pgjdbc.class.getClassLoader());
        for (ClassLoader loader : loaders) {
            try {
                Class<?> type = Class.forName("org.postgresql.PGConnection", false, loader);
                if (connection.isWrapperFor(type)) {
                    return type;
                }
            } catch (ClassNotFoundException e) {
                // the next loader
            }
        }
        throw new SQLException("The connection is not pgjdbc's (org.postgresql.PGConnection): no LISTEN on it");
    }

    /** The interface {@code name} as {@code type} implements it (the implementation class may not be public). */
    private static Class<?> publicType(Class<?> type, String name) throws SQLException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                if (i.getName().equals(name)) {
                    return i;
                }
            }
        }
        throw new SQLException(type.getName() + " is not a " + name);
    }

    private static Method method(Class<?> type, String name, Class<?>... parameters) throws SQLException {
        try {
            return type.getMethod(name, parameters);
        } catch (NoSuchMethodException e) {
            throw new SQLException("pgjdbc has no " + name + " here (pgjdbc 42.2 or later is needed)", e);
        }
    }

    private static Object call(Method method, Object target, Object... arguments) throws SQLException {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new SQLException("pgjdbc failed: " + e.getCause(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new SQLException("pgjdbc cannot be called: " + e, e);
        }
    }
}
