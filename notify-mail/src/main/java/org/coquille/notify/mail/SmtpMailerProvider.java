package org.coquille.notify.mail;

import java.util.Map;

import org.coquille.spi.Mailer;
import org.coquille.spi.MailerProvider;

/** The SMTP mailer, found by {@link java.util.ServiceLoader} when {@code coquille.mail.host} is set. */
public final class SmtpMailerProvider implements MailerProvider {

    @Override
    public Mailer open(Map<String, String> settings) {
        return new SmtpMailer(SmtpSettings.of(settings));
    }
}
