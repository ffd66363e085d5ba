package org.coquille.notify;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

import org.coquille.spi.Mailer;
import org.coquille.spi.MailerProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the mailer when the settings name a mail server ({@code coquille.mail.host}); without one, notifications are
 * off and one line says so. The mailer comes from {@code coquille-notify-mail}, found by {@link ServiceLoader}.
 */
public final class Mailers {

    /** The setting naming the mail server; without it notifications are off. */
    public static final String HOST = "coquille.mail.host";

    private static final Logger LOG = LoggerFactory.getLogger(Mailers.class);

    private Mailers() {
    }

    /** The mailer the settings ask for, or empty (notifications off, logged once). */
    public static Optional<Mailer> open(Map<String, String> settings) {
        if (settings.getOrDefault(HOST, "").isBlank()) {
            LOG.info("Coquille e-mail notifications are off: no mail server is set ({})", HOST);
            return Optional.empty();
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Iterator<MailerProvider> it = ServiceLoader.load(MailerProvider.class,
                loader != null ? loader : Mailers.class.getClassLoader()).iterator();
        try {
            if (it.hasNext()) {
                return Optional.of(it.next().open(settings));
            }
        } catch (ServiceConfigurationError | LinkageError e) {
            LOG.error("Coquille e-mail notifications are off: the mailer could not be loaded ({})", e.toString());
            return Optional.empty();
        }
        LOG.error("Coquille e-mail notifications are off: {} is set but no mailer is on the class path; add "
                + "org.coquille:coquille-notify-mail", HOST);
        return Optional.empty();
    }
}
