package org.coquille;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.coquille.spi.StoreDownException;
import org.slf4j.Logger;

/**
 * Logs a failure Coquille recovered from (the page went out as it was) at most once a minute per kind
 * of failure, so that a store outage does not flood the host's logs; a store known to be down is not logged
 * again at all (its circuit breaker logged it once).
 */
public final class WarnOnce {

    private static final long INTERVAL_MILLIS = 60_000;

    private final Logger log;
    private final Clock clock;
    private final Map<Class<?>, Long> lastLogged = new ConcurrentHashMap<>();

    public WarnOnce(Logger log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    /** Logs {@code failure} with {@code what} unless a failure of its class was logged less than a minute ago. */
    public void warn(String what, Throwable failure) {
        if (failure instanceof StoreDownException) {
            log.debug("{}: {}", what, failure.getMessage()); // the store logged its outage once, when it began
            return;
        }
        long now = clock.millis();
        Long last = lastLogged.get(failure.getClass());
        if (last != null && now - last < INTERVAL_MILLIS) {
            return;
        }
        lastLogged.put(failure.getClass(), now);
        log.warn("{}; the page was served without Coquille's widgets. Further such failures are not logged for a minute.",
                what, failure);
    }

    /**
     * Logs {@code what}, without a stack trace, unless something of {@code kind} was logged less than a minute ago:
     * for a client's mistake that Coquille answered, which anyone could repeat to fill the log.
     */
    public void note(String what, Class<?> kind) {
        long now = clock.millis();
        Long last = lastLogged.get(kind);
        if (last != null && now - last < INTERVAL_MILLIS) {
            return;
        }
        lastLogged.put(kind, now);
        log.warn("{}. Further such requests are not logged for a minute.", what);
    }
}
