package org.coquille.spi;

/** The store could not be reached or failed; the caller degrades (the host page is served as it was). */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
