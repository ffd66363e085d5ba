package org.coquille.core;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * A request broke one of Coquille's rules (too long, closed poll, not allowed...). Nothing was stored.
 * Its message is fit to show the user, in English or French.
 */
public class RuleViolation extends RuntimeException {

    /** What kind of rule was broken; adapters map it to an HTTP status. */
    public enum Kind {
        /** The input is malformed or out of bounds (400). */
        INVALID(400),
        /** The user may not do this (403). */
        FORBIDDEN(403),
        /** The comment, poll or page does not exist (404). */
        NOT_FOUND(404),
        /** The thing is in a state that does not allow it: closed poll, locked comments (409). */
        CONFLICT(409),
        /** Too many writes in a short time (429). */
        TOO_MANY(429);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private static final String BUNDLE = "org.coquille.core.messages";

    private final Kind kind;
    private final String key;
    private final transient Object[] args;

    public RuleViolation(Kind kind, String key, Object... args) {
        super(format(Locale.ENGLISH, key, args));
        this.kind = kind;
        this.key = key;
        this.args = args.clone();
    }

    public Kind kind() {
        return kind;
    }

    /** The message key in {@code org/coquille/core/messages*.properties}. */
    public String key() {
        return key;
    }

    /** The values the message is formatted with. */
    public Object[] args() {
        return args.clone();
    }

    /** The message in {@code locale}'s language (French or English). */
    public String message(Locale locale) {
        return format(locale, key, args);
    }

    private static String format(Locale locale, String key, Object[] args) {
        try {
            ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, Messages.CONTROL);
            return new MessageFormat(bundle.getString(key), locale).format(args);
        } catch (MissingResourceException e) {
            return key;
        }
    }
}
