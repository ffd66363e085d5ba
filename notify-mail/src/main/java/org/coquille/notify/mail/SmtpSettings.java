package org.coquille.notify.mail;

import java.time.Duration;
import java.util.Map;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.coquille.Settings;

/**
 * The SMTP server's {@code coquille.mail.*} settings: {@code host}, {@code port} (25), {@code startTls} (false),
 * {@code user} and {@code password} (none), {@code from} (the sender, required), {@code timeout} (PT10S).
 */
record SmtpSettings(String host, int port, boolean startTls, String user, String password, InternetAddress from,
                    Duration timeout) {

    static SmtpSettings of(Map<String, String> s) {
        String host = get(s, "host", "");
        if (host.isEmpty()) {
            throw bad("host", host, "the SMTP server's host name");
        }
        int port;
        try {
            port = Integer.parseInt(get(s, "port", "25"));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 1 || port > 65535) {
            throw bad("port", get(s, "port", "25"), "a port from 1 to 65535, such as 25 or 587");
        }
        String startTls = get(s, "startTls", "false");
        if (!startTls.equalsIgnoreCase("true") && !startTls.equalsIgnoreCase("false")) {
            throw bad("startTls", startTls, "true or false");
        }
        String from = get(s, "from", "");
        InternetAddress sender;
        try {
            sender = new InternetAddress(from, true);
        } catch (AddressException e) {
            throw bad("from", from, "the sender's address, such as \"Intranet <intranet@example.com>\"");
        }
        Duration t = Settings.durationOf("coquille.mail.timeout", get(s, "timeout", "PT10S"));
        return new SmtpSettings(host, port, Boolean.parseBoolean(startTls), get(s, "user", ""), get(s, "password", ""),
                sender, t);
    }

    private static String get(Map<String, String> s, String key, String otherwise) {
        String value = s.get("coquille.mail." + key);
        return value == null || value.isBlank() ? otherwise : value.strip();
    }

    private static IllegalArgumentException bad(String key, String value, String allowed) {
        return new IllegalArgumentException("Setting coquille.mail." + key + " is '" + value + "'; allowed: " + allowed);
    }
}
