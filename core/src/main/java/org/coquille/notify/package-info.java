/**
 * E-mail notifications: what the use cases tell ({@link org.coquille.social.SocialEvents}) becomes entries of the
 * store's outbox, which a background sender claims, writes (French or English, text and HTML) and hands to the
 * {@link org.coquille.spi.Mailer} that {@code coquille-notify-mail} provides; once each, with retries.
 */
package org.coquille.notify;
