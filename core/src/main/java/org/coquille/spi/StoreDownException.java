package org.coquille.spi;

import java.time.Instant;

/**
 * The store is known to be down, so the call was not even tried: it fails at once, without waiting for a
 * connection. Thrown by a store with a circuit breaker (the JDBC store) until a background probe finds the
 * database answering again. Cheap to throw (no stack trace): during an outage, every call throws it.
 */
public class StoreDownException extends StoreUnavailableException {

    private final transient Instant since;

    /** @param since when the store was found down */
    public StoreDownException(String message, Instant since) {
        super(message, null);
        this.since = since;
    }

    /** When the store was found down. */
    public Instant since() {
        return since;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this; // thrown on every call during an outage: no stack to capture
    }
}
