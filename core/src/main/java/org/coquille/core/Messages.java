package org.coquille.core;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/** Coquille's user-facing texts, in English (the default) and French. */
public final class Messages {

    /** The languages Coquille speaks. */
    public static final List<Locale> LOCALES = List.of(Locale.ENGLISH, Locale.FRENCH);

    /** Never falls back to the JVM's default locale: an unknown language gets English. */
    static final ResourceBundle.Control CONTROL =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private static final java.util.Map<Locale, Messages> BY_LOCALE = new java.util.concurrent.ConcurrentHashMap<>();

    private final ResourceBundle bundle;
    /** Parsed patterns; MessageFormat is not thread-safe, so each use formats with a clone. */
    private final java.util.Map<String, java.text.MessageFormat> formats = new java.util.concurrent.ConcurrentHashMap<>();

    private Messages(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    /** The texts for {@code locale}; English when Coquille does not speak its language. */
    public static Messages forLocale(Locale locale) {
        Locale key = locale == null ? Locale.ENGLISH : locale;
        Messages known = BY_LOCALE.get(key);
        if (known != null) {
            return known;
        }
        Messages messages = new Messages(ResourceBundle.getBundle("org.coquille.core.messages", key, CONTROL));
        if (BY_LOCALE.size() < 200) { // Accept-Language is the client's to choose: keep the map bounded
            BY_LOCALE.put(key, messages);
        }
        return messages;
    }

    /**
     * The text for {@code key}, formatted with {@code args}; the key itself if unknown. Every text is a
     * {@link java.text.MessageFormat} pattern, with or without arguments, so {@code ''} is always one apostrophe.
     */
    public String get(String key, Object... args) {
        if (!bundle.containsKey(key)) {
            return key;
        }
        java.text.MessageFormat format = formats.computeIfAbsent(key,
                k -> new java.text.MessageFormat(bundle.getString(k), locale()));
        return ((java.text.MessageFormat) format.clone()).format(args);
    }

    /** The language the texts are in. */
    public Locale locale() {
        return bundle.getLocale().getLanguage().isEmpty() ? Locale.ENGLISH : bundle.getLocale();
    }
}
