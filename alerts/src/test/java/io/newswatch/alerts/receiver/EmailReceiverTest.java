package io.newswatch.alerts.receiver;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.newswatch.alerts.TestAlerts;
import io.newswatch.alerts.template.AlertTemplates;
import io.newswatch.model.Alert;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmailReceiverTest {
    private static final String USER = "alerts";
    private static final String PASSWORD = "s3cret-Pa55word";
    private static final String FROM = "alerts@newswatch.example.org";
    private static final String TO = "analyst@example.org";

    private GreenMail greenMail;
    private final Alert alert = TestAlerts.sanctions("story-mail");

    @BeforeEach
    void startServer() {
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
                .withConfiguration(GreenMailConfiguration.aConfig().withUser(TO, USER, PASSWORD));
        greenMail.start();
    }

    @AfterEach
    void stopServer() {
        greenMail.stop();
    }

    private EmailSettings settings(int port, String username, String password) {
        return new EmailSettings("127.0.0.1", port, EmailSettings.StartTls.NONE, username, password, FROM, List.of(TO),
                Duration.ofSeconds(5));
    }

    private EmailReceiver receiver(String username, String password) {
        return new EmailReceiver(settings(greenMail.getSmtp().getPort(), username, password),
                AlertTemplates.defaults());
    }

    @Test
    void sendsPlainTextAndHtmlAlternativesWithTheTemplatedSubject() throws Exception {
        receiver(null, null).deliver(alert);

        assertThat(greenMail.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage received = greenMail.getReceivedMessages()[0];
        AlertTemplates templates = AlertTemplates.defaults();
        assertThat(received.getSubject()).isEqualTo(templates.emailSubject(alert));
        assertThat(received.getFrom()[0].toString()).isEqualTo(FROM);
        assertThat(received.getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo(TO);
        assertThat(received.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        assertThat(received.getContentType()).startsWith("multipart/alternative");

        MimeMultipart parts = (MimeMultipart) received.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain").containsIgnoringCase("utf-8");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html").containsIgnoringCase("utf-8");
        assertThat(normalise((String) parts.getBodyPart(0).getContent())).isEqualTo(templates.emailText(alert));
        assertThat((String) parts.getBodyPart(1).getContent())
                .contains("<mark>North Korean</mark>").contains("<a href=\"" + alert.url() + "\">");
    }

    @Test
    void theMessageIdComesFromTheDeliveryKeySoAResendIsRecognisable() throws Exception {
        EmailReceiver receiver = receiver(null, null);
        Alert update = alert.updated(List.of("wire-a"), alert.raisedAt().plusSeconds(60));
        receiver.deliver(alert);
        receiver.deliver(alert);
        receiver.deliver(update);

        assertThat(greenMail.waitForIncomingEmail(5_000, 3)).isTrue();
        MimeMessage[] received = greenMail.getReceivedMessages();
        String firstId = "<" + alert.id() + "@newswatch.example.org>";
        assertThat(received[0].getMessageID()).isEqualTo(firstId);
        assertThat(received[1].getMessageID()).isEqualTo(firstId);
        assertThat(received[2].getMessageID()).isEqualTo("<" + alert.id() + "=2F1@newswatch.example.org>");
        assertThat(received[2].getHeader("In-Reply-To")).containsExactly(firstId);
        assertThat(received[2].getHeader("References")).containsExactly(firstId);
        assertThat(received[0].getHeader("In-Reply-To")).isNull();
    }

    @Test
    void logsInWithUserAndPassword() throws Exception {
        receiver(USER, PASSWORD).deliver(alert);
        assertThat(greenMail.waitForIncomingEmail(5_000, 1)).isTrue();
    }

    @Test
    void aWrongPasswordIsPermanentAndNeverShown() {
        String wrong = "not-the-Pa55word";
        DeliveryException e = catchThrowableOfType(DeliveryException.class,
                () -> receiver(USER, wrong).deliver(alert));
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("email(127.0.0.1:").doesNotContain(wrong).doesNotContain(PASSWORD);
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void aServerThatIsDownIsRetryableAndTheMessageHidesThePassword() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        EmailReceiver receiver = new EmailReceiver(settings(closedPort, USER, PASSWORD), AlertTemplates.defaults());
        DeliveryException e = catchThrowableOfType(DeliveryException.class, () -> receiver.deliver(alert));
        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).startsWith("email(127.0.0.1:" + closedPort + ")").doesNotContain(PASSWORD);
        assertThat(receiver.name()).doesNotContain(PASSWORD);
    }

    @ParameterizedTest
    @CsvSource({"421, true", "451, true", "452, true", "550, false", "554, false"})
    void anSmtpReplyDecidesWhetherToRetry(int code, boolean retryable) throws Exception {
        String reply = code + " " + code / 100 + ".7.1 refused for this test";
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(reply)) {
            EmailReceiver receiver = new EmailReceiver(settings(server.port(), null, null),
                    AlertTemplates.defaults());
            DeliveryException e = catchThrowableOfType(DeliveryException.class, () -> receiver.deliver(alert));
            assertThat(e.retryable()).isEqualTo(retryable);
            assertThat(e.getMessage()).contains(Integer.toString(code));
        }
    }

    @Test
    void settingsRejectBadValuesAndNeverPrintThePassword() {
        EmailSettings s = settings(25, USER, PASSWORD);
        assertThat(s.toString()).doesNotContain(PASSWORD).contains("password=***");
        assertThatThrownBy(() -> new EmailSettings("smtp.example.org", 587, EmailSettings.StartTls.REQUIRED, null,
                PASSWORD, FROM, List.of(TO), Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining(PASSWORD);
        assertThatThrownBy(() -> new EmailSettings("smtp.example.org", 587, EmailSettings.StartTls.REQUIRED, USER,
                PASSWORD, FROM, List.of(), Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recipient");
        assertThatThrownBy(() -> new EmailSettings("smtp.example.org", 587, EmailSettings.StartTls.REQUIRED, USER,
                PASSWORD, "not an address", List.of(TO), Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("from");
        assertThat(EmailSettings.StartTls.parse("Optional")).isEqualTo(EmailSettings.StartTls.OPTIONAL);
        assertThatThrownBy(() -> EmailSettings.StartTls.parse("always")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aGroupIsOneMailWithTextAndHtmlPartsListingEveryAlertUnderTheDigestSubject(@TempDir Path dir)
            throws Exception {
        Files.writeString(dir.resolve(AlertTemplates.EMAIL_DIGEST_SUBJECT),
                "Digest ({{kind}}): {{count}} for {{group}}\n");
        AlertTemplates templates = AlertTemplates.load(dir);
        EmailReceiver receiver = new EmailReceiver(settings(greenMail.getSmtp().getPort(), null, null), templates);
        List<Alert> alerts = TestNotifications.threeAlerts();
        Notification group = TestNotifications.group(alerts);

        receiver.deliver(group);

        assertThat(greenMail.waitForIncomingEmail(5_000, 1)).isTrue();
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
        MimeMessage received = greenMail.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("Digest (group): 3 for rule=ru-kp");
        assertThat(received.getMessageID()).isEqualTo(EmailReceiver.messageId(group.key(), "newswatch.example.org"));
        MimeMultipart parts = (MimeMultipart) received.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        String text = normalise((String) parts.getBodyPart(0).getContent());
        String html = (String) parts.getBodyPart(1).getContent();
        assertThat(text).isEqualTo(templates.renderDigest(AlertTemplates.EMAIL_DIGEST_BODY_TEXT, false,
                TestNotifications.GROUP_LABEL, alerts))
                .startsWith("3 alerts · rule=ru-kp");
        for (Alert a : alerts) {
            assertThat(text).contains(a.title()).contains(a.evidence().get(0).text());
            assertThat(html).contains(a.title()).contains("<a href=\"" + a.url() + "\">");
        }
    }

    @Test
    void theDefaultDigestSubjectSaysWhatKindOfDigestItIs() throws Exception {
        receiver(null, null).deliver(TestNotifications.reminder(TestNotifications.threeAlerts().subList(0, 2)));
        assertThat(greenMail.waitForIncomingEmail(5_000, 1)).isTrue();
        assertThat(greenMail.getReceivedMessages()[0].getSubject())
                .isEqualTo("[newswatch] Reminder: 2 open alerts · rule=ru-kp");
    }

    @Test
    void aSingleAlertNotificationIsTheSameMailAsDeliveringTheAlert() throws Exception {
        EmailReceiver receiver = receiver(null, null);
        receiver.deliver(alert);
        receiver.deliver(Notification.of(alert));
        assertThat(greenMail.waitForIncomingEmail(5_000, 2)).isTrue();
        MimeMessage[] mails = greenMail.getReceivedMessages();
        assertThat(mails[1].getSubject()).isEqualTo(mails[0].getSubject());
        assertThat(mails[1].getMessageID()).isEqualTo(mails[0].getMessageID());
        MimeMultipart first = (MimeMultipart) mails[0].getContent();
        MimeMultipart second = (MimeMultipart) mails[1].getContent();
        for (int i = 0; i < 2; i++) {
            assertThat((String) second.getBodyPart(i).getContent()).isEqualTo(first.getBodyPart(i).getContent());
        }
    }

    @Test
    void bothPartsLeadWithTheDecisiveSentenceListTheEventsAndMarkContextEvidence() throws Exception {
        Alert proof = TestAlerts.withProof("story-mail-proof",
                List.of(TestAlerts.munitions(), TestAlerts.hostileEvent()));
        receiver(null, null).deliver(proof);

        assertThat(greenMail.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMultipart parts = (MimeMultipart) greenMail.getReceivedMessages()[0].getContent();
        String text = normalise((String) parts.getBodyPart(0).getContent());
        String html = (String) parts.getBodyPart(1).getContent();

        assertThat(text).contains("Evidence:\n  \"" + TestAlerts.DECISIVE_SENTENCE + "\"\n")
                .contains("  [context] \"" + TestAlerts.CONTEXT_SENTENCE + "\"")
                .contains("Events:\n  - " + TestAlerts.MUNITIONS_SUMMARY + "\n  - KP → RU · weapons · possible ("
                        + TestAlerts.HOSTILE_ATTRIBUTION + ")\n");
        assertThat(text.indexOf(TestAlerts.DECISIVE_SENTENCE)).isLessThan(text.indexOf(TestAlerts.CONTEXT_SENTENCE));

        assertThat(html).contains("<blockquote style=\"border-left: 3px solid #ccc; margin: 1em 0; "
                + "padding-left: 1em;\">"
                + "The White House said North Korea <mark>shipped</mark> more than 1,000 containers of "
                + "<mark>munitions</mark> to Russia through Najin.</blockquote>")
                .contains("<li>" + TestAlerts.MUNITIONS_SUMMARY + "</li>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; &lt;!channel&gt; &amp; &#x3D;cmd|&#39; /C "
                        + "calc&#39;!A0")
                .doesNotContain("<script>")
                .contains("context");
        assertThat(html.indexOf("The White House said")).isLessThan(html.indexOf(TestAlerts.CONTEXT_SENTENCE
                .replace("'", "&#39;")));
    }

    @Test
    void aDigestItemShowsTheDecisiveSentenceAndTheEvents() throws Exception {
        Alert proof = TestAlerts.withProof("story-mail-digest", List.of(TestAlerts.munitions()));
        receiver(null, null).deliver(TestNotifications.group(List.of(proof, alert)));

        assertThat(greenMail.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMultipart parts = (MimeMultipart) greenMail.getReceivedMessages()[0].getContent();
        String text = normalise((String) parts.getBodyPart(0).getContent());
        String html = (String) parts.getBodyPart(1).getContent();
        assertThat(text).contains("  \"" + TestAlerts.DECISIVE_SENTENCE + "\"")
                .contains("  - " + TestAlerts.MUNITIONS_SUMMARY).doesNotContain(TestAlerts.CONTEXT_SENTENCE);
        assertThat(html).contains("<li>" + TestAlerts.MUNITIONS_SUMMARY + "</li>").contains("<mark>shipped</mark>");
    }

    private static String normalise(String body) {
        return body.replace("\r\n", "\n");
    }

    /**
     * An SMTP server that greets, accepts EHLO and answers MAIL FROM with a fixed reply, so a test can choose the
     * code a real server would send for a full mailbox or a blocked sender.
     */
    private static final class ScriptedSmtpServer implements AutoCloseable {
        private final ServerSocket socket;
        private final Thread thread;

        ScriptedSmtpServer(String mailFromReply) throws IOException {
            socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
            thread = new Thread(() -> serve(mailFromReply), "scripted-smtp");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private void serve(String mailFromReply) {
            while (!socket.isClosed()) {
                try (Socket client = socket.accept()) {
                    BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), US_ASCII));
                    OutputStream out = client.getOutputStream();
                    reply(out, "220 scripted.test ESMTP");
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        String verb = line.length() < 4 ? line : line.substring(0, 4).toUpperCase();
                        if (verb.equals("QUIT")) {
                            reply(out, "221 bye");
                            break;
                        }
                        reply(out, switch (verb) {
                            case "EHLO", "HELO" -> "250 scripted.test";
                            case "MAIL" -> mailFromReply;
                            default -> "250 ok";
                        });
                    }
                } catch (IOException e) {
                    // the test closed the socket, or the client hung up: either ends this connection
                }
            }
        }

        private static void reply(OutputStream out, String line) throws IOException {
            out.write((line + "\r\n").getBytes(US_ASCII));
            out.flush();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
