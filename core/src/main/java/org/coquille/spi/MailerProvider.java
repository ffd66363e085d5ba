package org.coquille.spi;

import java.util.Map;

/**
 * Opens a {@link Mailer} from the {@code coquille.mail.*} settings; found through {@link java.util.ServiceLoader}
 * ({@code coquille-notify-mail} brings the SMTP one).
 */
public interface MailerProvider {

    /**
     * Opens the mailer; a bad setting fails with a message naming it. A server that does not answer yet does not fail
     * here: {@link Mailer#send} reports it.
     */
    Mailer open(Map<String, String> settings);
}
