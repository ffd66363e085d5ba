package org.coquille.spi;

import org.coquille.core.Mail;

/** Hands e-mails to a mail server; called off the request threads only. Implementations are thread-safe. */
public interface Mailer extends AutoCloseable {

    /**
     * Sends {@code mail}.
     *
     * @throws MailUnavailableException when the server cannot take it now (down, refused): it is tried again later
     */
    void send(Mail mail);

    /** A short description for logs, such as {@code "SMTP at mail.example.com:587 (STARTTLS)"}; never a password. */
    String describe();

    @Override
    default void close() {
    }
}
