package org.coquille.notify.mail;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.coquille.core.Person;
import org.coquille.spi.Directory;

/** What the notification tests share: a clock they move, a small directory, the parts of a received e-mail. */
final class MailFixture {

    private MailFixture() {
    }

    /** A clock the test moves forward. */
    static final class MovingClock extends Clock {
        private volatile Instant now;

        MovingClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Alice, Bruno, Carol and Edith the editor, with their addresses. */
    static final class Staff implements Directory {
        @Override
        public Optional<Person> find(String userId) {
            return Optional.ofNullable(Map.of(
                    "alice", new Person("alice", "Alice Durand", "alice@example.com", "Achats", null),
                    "bruno", new Person("bruno", "Bruno Martin", "bruno@example.com", "RH", null),
                    "carol", new Person("carol", "Carol Petit", "carol@example.com", "RH", null),
                    "edith", new Person("edith", "Édith Leroy", "edith@example.com", "Communication", null)).get(userId));
        }

        @Override
        public String describe() {
            return "the staff";
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static Map<String, String> settings(int smtpPort, String workFolder) {
        Map<String, String> s = new HashMap<>();
        s.put("coquille.workFolder", workFolder);
        s.put("coquille.mail.host", "127.0.0.1");
        s.put("coquille.mail.port", String.valueOf(smtpPort));
        s.put("coquille.mail.from", "Intranet <intranet@example.com>");
        s.put("coquille.mail.baseUrl", "http://intranet.test/portal");
        s.put("coquille.mail.pollInterval", "PT0.05S");
        s.put("coquille.mail.timeout", "PT2S");
        s.put("coquille.mail.editors", "edith");
        return s;
    }

    /** The plain-text part, the HTML part and the attachments' file names of a received e-mail. */
    record Parts(String text, String html, List<String> attachments, List<String> attachmentTexts) { }

    static Parts parts(MimeMessage message) throws Exception {
        List<String> texts = new ArrayList<>();
        List<String> htmls = new ArrayList<>();
        List<String> files = new ArrayList<>();
        List<String> fileTexts = new ArrayList<>();
        walk(message, texts, htmls, files, fileTexts);
        return new Parts(String.join("", texts), String.join("", htmls), files, fileTexts);
    }

    private static void walk(Part part, List<String> texts, List<String> htmls, List<String> files, List<String> fileTexts)
            throws Exception {
        if (part.getFileName() != null) {
            files.add(part.getFileName());
            fileTexts.add(new String(part.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } else if (part.isMimeType("text/plain")) {
            texts.add((String) part.getContent());
        } else if (part.isMimeType("text/html")) {
            htmls.add((String) part.getContent());
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                walk(child, texts, htmls, files, fileTexts);
            }
        }
    }
}
