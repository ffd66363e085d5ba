package org.coquille.core;

import java.util.Objects;

/**
 * A person's choice for their e-mail notifications.
 *
 * @param user     the user id
 * @param delivery immediately, a daily digest, or nothing
 * @param language the language of their e-mails ({@code fr} or {@code en})
 */
public record NotificationChoice(String user, Delivery delivery, String language) {

    public NotificationChoice {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(language, "language");
    }
}
