package org.coquille.notify.mail;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

import jakarta.activation.DataHandler;
import jakarta.mail.Authenticator;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import org.coquille.core.Mail;
import org.coquille.spi.MailUnavailableException;
import org.coquille.spi.Mailer;

/**
 * Sends e-mails through an SMTP server with Jakarta Mail (Eclipse Angus Mail): multipart/alternative text and HTML,
 * attachments beside them, STARTTLS and a login when set. A refused recipient address is no outage: it is reported
 * as an {@link IllegalArgumentException}, so that the entry is dropped rather than tried again.
 */
final class SmtpMailer implements Mailer {

    private final Session session;
    private final InternetAddress from;
    private final String description;

    SmtpMailer(SmtpSettings settings) {
        Properties props = new Properties();
        props.put("mail.transport.protocol", "smtp");
        props.put("mail.smtp.host", settings.host());
        props.put("mail.smtp.port", String.valueOf(settings.port()));
        props.put("mail.smtp.connectiontimeout", String.valueOf(settings.timeout().toMillis()));
        props.put("mail.smtp.timeout", String.valueOf(settings.timeout().toMillis()));
        props.put("mail.smtp.writetimeout", String.valueOf(settings.timeout().toMillis()));
        if (settings.startTls()) {
            props.put("mail.smtp.starttls.enable", "true");
            props.put("mail.smtp.starttls.required", "true");
            props.put("mail.smtp.ssl.checkserveridentity", "true");
        }
        Authenticator login = null;
        if (!settings.user().isEmpty()) {
            props.put("mail.smtp.auth", "true");
            login = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(settings.user(), settings.password());
                }
            };
        }
        this.session = Session.getInstance(props, login);
        this.from = settings.from();
        this.description = "SMTP at " + settings.host() + ":" + settings.port() + (settings.startTls() ? " (STARTTLS)" : "");
    }

    @Override
    public void send(Mail mail) {
        Objects.requireNonNull(mail, "mail");
        MimeMessage message = new MimeMessage(session);
        try {
            message.setFrom(from);
            message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(mail.to(), true));
            message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
            message.setSentDate(new Date());
            for (Map.Entry<String, String> header : mail.headers().entrySet()) {
                message.setHeader(header.getKey(), header.getValue());
            }
            MimeMultipart alternative = new MimeMultipart("alternative");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(mail.text(), StandardCharsets.UTF_8.name(), "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
            if (mail.attachments().isEmpty()) {
                message.setContent(alternative);
            } else {
                MimeMultipart mixed = new MimeMultipart("mixed");
                MimeBodyPart body = new MimeBodyPart();
                body.setContent(alternative);
                mixed.addBodyPart(body);
                for (Mail.Attachment attachment : mail.attachments()) {
                    MimeBodyPart file = new MimeBodyPart();
                    file.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.content(), attachment.contentType())));
                    file.setFileName(attachment.fileName());
                    mixed.addBodyPart(file);
                }
                message.setContent(mixed);
            }
            message.saveChanges();
        } catch (AddressException e) {
            throw new IllegalArgumentException("Not an e-mail address: " + e.getRef(), e);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("Coquille could not write an e-mail: " + e.getMessage(), e);
        }
        try {
            Transport.send(message);
        } catch (MessagingException e) {
            throw new MailUnavailableException(description + " did not take the e-mail: " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return description;
    }
}
