package org.coquille.spi;

/** The mail server could not take an e-mail now; the outbox tries again later. */
public class MailUnavailableException extends RuntimeException {

    public MailUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
