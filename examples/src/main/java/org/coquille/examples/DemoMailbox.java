package org.coquille.examples;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import org.jsoup.nodes.Entities;

/**
 * The demo's people and post office: a CSV directory (an HR export with the logins' names, e-mails and departments)
 * and an SMTP server in the same JVM (GreenMail) that catches Coquille's notifications, shown at {@code /courrier}, so
 * that a newcomer sees a reply arrive by e-mail.
 */
final class DemoMailbox implements AutoCloseable {

    private final GreenMail smtp;
    private final int port;

    private DemoMailbox(GreenMail smtp, int port) {
        this.smtp = smtp;
        this.port = port;
    }

    static DemoMailbox start() throws IOException {
        int port = freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return new DemoMailbox(smtp, port);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The settings of the directory (the CSV copied into {@code work}) and of the mail, for an intranet at {@code baseUrl}. */
    Map<String, String> settings(Path work, String baseUrl) throws IOException {
        Files.createDirectories(work);
        try (InputStream csv = DemoMailbox.class.getResourceAsStream("/demo-annuaire.csv")) {
            Files.copy(csv, work.resolve("annuaire.csv"), StandardCopyOption.REPLACE_EXISTING);
        }
        Map<String, String> s = new HashMap<>();
        s.put("coquille.directory", "csv");
        s.put("coquille.directory.csv.file", "annuaire.csv");
        s.put("coquille.directory.csv.separator", ";");
        s.put("coquille.directory.csv.columns", "login,nom,courriel,service,site");
        s.put("coquille.mail.host", "127.0.0.1");
        s.put("coquille.mail.port", String.valueOf(port));
        s.put("coquille.mail.from", "Intranet Groupe Durand <intranet@groupe-durand.example>");
        s.put("coquille.mail.baseUrl", baseUrl);
        s.put("coquille.mail.editors", "edith");
        s.put("coquille.mail.pollInterval", "PT2S");
        s.put("coquille.mail.moderationBatch", "PT1M");
        return s;
    }

    /** The page that lists the e-mails caught, newest first. */
    HttpServlet page() {
        return new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                response.setContentType("text/html; charset=UTF-8");
                StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\">"
                        + "<title>Courrier attrapé</title></head><body><h1>Courrier attrapé par le serveur SMTP de la démo</h1>");
                MimeMessage[] mails = smtp.getReceivedMessages();
                if (mails.length == 0) {
                    html.append("<p>Aucun courriel pour l'instant : répondez au commentaire d'un collègue, puis revenez.</p>");
                }
                for (int i = mails.length - 1; i >= 0; i--) {
                    try {
                        html.append("<article><h2>").append(Entities.escape(mails[i].getSubject())).append("</h2><p>À : ")
                                .append(Entities.escape(String.valueOf(mails[i].getAllRecipients()[0])))
                                .append("</p><pre>").append(Entities.escape(GreenMailUtil.getBody(mails[i])))
                                .append("</pre></article>");
                    } catch (jakarta.mail.MessagingException e) {
                        html.append("<p>Un courriel illisible : ").append(Entities.escape(e.getMessage())).append("</p>");
                    }
                }
                response.getWriter().write(html.append("</body></html>").toString());
            }
        };
    }

    @Override
    public void close() {
        smtp.stop();
    }
}
