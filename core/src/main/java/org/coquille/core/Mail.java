package org.coquille.core;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One e-mail, written and ready for the mail server: a plain-text and an HTML part of the same text, extra headers
 * (the one-click unsubscribe), and attachments.
 *
 * @param to          the recipient's address
 * @param subject     the subject line
 * @param text        the plain-text part
 * @param html        the HTML part
 * @param headers     extra headers, such as {@code List-Unsubscribe}
 * @param attachments files attached, such as a calendar event
 */
public record Mail(String to, String subject, String text, String html, Map<String, String> headers,
                   List<Attachment> attachments) {

    /** A file attached to a mail. */
    public record Attachment(String fileName, String contentType, byte[] content) {

        public Attachment {
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(contentType, "contentType");
            content = content.clone();
        }

        @Override
        public byte[] content() {
            return content.clone();
        }
    }

    public Mail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
        headers = Map.copyOf(headers);
        attachments = List.copyOf(attachments);
    }
}
