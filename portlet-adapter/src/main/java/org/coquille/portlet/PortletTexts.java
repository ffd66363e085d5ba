package org.coquille.portlet;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The standalone portlet's own texts, in English (the default) and French. */
final class PortletTexts {

    private static final ResourceBundle.Control CONTROL =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final ResourceBundle bundle;
    private final Locale locale;

    private PortletTexts(Locale locale) {
        this.locale = locale == null ? Locale.ENGLISH : locale;
        this.bundle = ResourceBundle.getBundle("org.coquille.portlet.messages", this.locale, CONTROL);
    }

    static PortletTexts forLocale(Locale locale) {
        return new PortletTexts(locale);
    }

    Locale locale() {
        return locale;
    }

    /** The text for {@code key}, formatted with {@code args}; the key itself if unknown. */
    String get(String key, Object... args) {
        if (!bundle.containsKey(key)) {
            return key;
        }
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }
}
