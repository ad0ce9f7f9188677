package io.newswatch.alerts.receiver;

import io.newswatch.alerts.template.AlertTemplates;
import io.newswatch.model.Alert;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * Sends each alert as an e-mail over SMTP (Jakarta Mail, Eclipse Angus): a {@code multipart/alternative} with a
 * plain-text part and an HTML part, subject and bodies from {@link AlertTemplates}. A group or reminder
 * notification is one such e-mail listing its alerts, from the digest templates.
 *
 * <p>Identity: the {@code Message-ID} is derived from {@link Alert#deliveryKey()} ({@link #messageId}), so a
 * re-delivery of the same alert revision carries the same id and mail software can recognise it as a duplicate; an
 * update (revision above 0) refers to the first alert's message with {@code In-Reply-To} and {@code References}, so
 * mail clients thread it under the first. A group's or reminder's {@code Message-ID} is derived from
 * {@link Notification#key()} the same way. {@code Auto-Submitted: auto-generated} (RFC 3834) keeps auto-responders
 * quiet.
 *
 * <p>Failure behaviour: an SMTP reply 4xx (RFC 5321 section 4.2.1, transient) is retryable and 5xx permanent; with
 * no reply code, connection failures, timeouts and other I/O errors are retryable and anything else (a STARTTLS
 * requirement the server cannot meet, a malformed message) permanent. Each attempt opens and closes its own
 * connection. The password appears in no message, log or {@link #name()}. Thread-safe.
 */
public final class EmailReceiver implements AlertReceiver {
    private static final Pattern REPLY_CODE = Pattern.compile("^\\s*([2-5]\\d\\d)[\\s-]");
    private static final int MAX_DETAIL_CHARS = 200;

    private final EmailSettings settings;
    private final AlertTemplates templates;
    private final Session session;
    private final InternetAddress from;
    private final InternetAddress[] to;
    private final String idDomain;
    private final String name;

    /**
     * @param settings  server, account and addresses
     * @param templates where subject and bodies come from
     */
    public EmailReceiver(EmailSettings settings, AlertTemplates templates) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.templates = Objects.requireNonNull(templates, "templates");
        try {
            this.from = new InternetAddress(settings.from(), true);
            this.to = new InternetAddress[settings.to().size()];
            for (int i = 0; i < to.length; i++) {
                to[i] = new InternetAddress(settings.to().get(i), true);
            }
        } catch (AddressException e) {
            // EmailSettings validated these already; reaching here means the two disagree
            throw new IllegalArgumentException("email address not valid: " + e.getMessage(), e);
        }
        String address = from.getAddress();
        String domain = address.substring(address.lastIndexOf('@') + 1);
        this.idDomain = domain.matches("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*") ? domain : "newswatch.invalid";
        this.name = "email(" + settings.host() + ":" + settings.port() + ")";
        this.session = Session.getInstance(properties(settings));
    }

    private static Properties properties(EmailSettings s) {
        String millis = Long.toString(s.timeout().toMillis());
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", s.host());
        p.setProperty("mail.smtp.port", Integer.toString(s.port()));
        p.setProperty("mail.smtp.connectiontimeout", millis);
        p.setProperty("mail.smtp.timeout", millis);
        p.setProperty("mail.smtp.writetimeout", millis);
        p.setProperty("mail.smtp.auth", Boolean.toString(s.authenticates()));
        p.setProperty("mail.smtp.starttls.enable", Boolean.toString(s.startTls() != EmailSettings.StartTls.NONE));
        p.setProperty("mail.smtp.starttls.required",
                Boolean.toString(s.startTls() == EmailSettings.StartTls.REQUIRED));
        p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        return p;
    }

    @Override
    public String name() {
        return name;
    }


    /**
     * Sends a single alert as {@link #deliver(Alert)} does, or a group or reminder as one e-mail
     * ({@link #digest}).
     */
    @Override
    public void deliver(Notification notification) throws DeliveryException {
        MimeMessage message;
        try {
            message = notification.isSingle() ? message(notification.first()) : digest(notification);
        } catch (MessagingException e) {
            throw DeliveryException.permanent(name + ": " + (notification.isSingle() ? "alert "
                    + notification.first().id() : "notification " + notification.key())
                    + " cannot be written as a message: " + detail(e));
        }
        Transport transport = null;
        try {
            transport = session.getTransport("smtp");
            transport.connect(settings.host(), settings.port(), settings.username(), settings.password());
            transport.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException e) {
            throw classify(notification, e);
        } finally {
            closeQuietly(transport);
        }
    }

    /** The message for an alert, headers final. Visible for tests. */
    MimeMessage message(Alert alert) throws MessagingException {
        MimeMessage message = newMessage(alert.deliveryKey(), templates.emailSubject(alert));
        if (alert.revision() > 0) {
            String first = messageId(alert.id(), idDomain);
            message.setHeader("In-Reply-To", first);
            message.setHeader("References", first);
        }
        return withBodies(message, templates.emailText(alert), templates.emailHtml(alert));
    }

    /**
     * The one message for a group or reminder, headers final: subject and bodies from the digest templates
     * ({@link AlertTemplates#EMAIL_DIGEST_SUBJECT} and the others), {@code Message-ID} from
     * {@link Notification#key()}. Visible for tests.
     */
    MimeMessage digest(Notification notification) throws MessagingException {
        boolean reminder = notification.kind() == Notification.Kind.REMINDER;
        String group = notification.group();
        MimeMessage message = newMessage(notification.key(),
                templates.emailDigestSubject(reminder, group, notification.alerts()));
        return withBodies(message,
                templates.renderDigest(AlertTemplates.EMAIL_DIGEST_BODY_TEXT, reminder, group, notification.alerts()),
                templates.renderDigest(AlertTemplates.EMAIL_DIGEST_BODY_HTML, reminder, group, notification.alerts()));
    }

    private MimeMessage newMessage(String key, String subject) throws MessagingException {
        String id = messageId(key, idDomain);
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                // the default would invent a fresh random id on every save; ours must survive re-sends
                setHeader("Message-ID", id);
            }
        };
        message.setFrom(from);
        message.setRecipients(Message.RecipientType.TO, to);
        message.setSubject(subject, StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        message.setHeader("Auto-Submitted", "auto-generated");
        return message;
    }

    private static MimeMessage withBodies(MimeMessage message, String plainText, String htmlText)
            throws MessagingException {
        MimeBodyPart text = new MimeBodyPart();
        text.setText(plainText, StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(htmlText, StandardCharsets.UTF_8.name(), "html");
        // RFC 2046 section 5.1.4: the last part is the preferred one
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        message.saveChanges();
        return message;
    }

    /**
     * {@code <key@domain>} with every character of the key other than {@code A-Z a-z 0-9 - _} written as
     * {@code =XX} (its UTF-8 bytes in hex), so distinct keys never share an id and the id is a valid
     * {@code msg-id} (RFC 5322 section 3.6.4).
     */
    static String messageId(String key, String domain) {
        StringBuilder sb = new StringBuilder("<");
        for (byte b : (key == null ? "" : key).getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
                sb.append(c);
            } else {
                sb.append('=').append(String.format("%02X", b & 0xff));
            }
        }
        return sb.append('@').append(domain).append('>').toString();
    }

    private DeliveryException classify(Notification notification, MessagingException e) {
        String what = name + " did not take " + (notification.isSingle() ? "alert " : "notification ")
                + notification.key() + ": " + detail(e);
        int code = replyCode(e);
        if (code >= 400 && code < 500) {
            return DeliveryException.retryable(what);
        }
        if (code >= 500) {
            return DeliveryException.permanent(what);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return DeliveryException.retryable(what);
            }
        }
        return DeliveryException.permanent(what);
    }

    /** The SMTP reply code the failure carries, or -1 when it carries none (an I/O error, a local failure). */
    private static int replyCode(MessagingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SMTPSendFailedException f) {
                return f.getReturnCode();
            }
            if (t instanceof SMTPAddressFailedException f) {
                return f.getReturnCode();
            }
            if (t instanceof SMTPSenderFailedException f) {
                return f.getReturnCode();
            }
            if (t instanceof AuthenticationFailedException && t.getMessage() != null) {
                Matcher m = REPLY_CODE.matcher(t.getMessage());
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
                // a refused login without a code: the credentials are wrong, another try will not help
                return 535;
            }
            if (t == t.getCause()) {
                break;
            }
        }
        return -1;
    }

    /**
     * The failure on one line: its type and message, and the innermost cause's when that differs (the refused
     * address, the refused connection), cut short and with the password masked.
     */
    private String detail(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = e.getClass().getSimpleName() + " " + AlertTemplates.clean(e.getMessage());
        String rootMessage = AlertTemplates.clean(root.getMessage());
        if (root != e && !rootMessage.equals(AlertTemplates.clean(e.getMessage()))) {
            message += "; caused by " + root.getClass().getSimpleName() + " " + rootMessage;
        }
        String password = settings.password();
        if (password != null && !password.isEmpty()) {
            message = message.replace(password, "***");
        }
        message = message.strip();
        return message.length() <= MAX_DETAIL_CHARS ? message : message.substring(0, MAX_DETAIL_CHARS - 1) + "…";
    }

    private static void closeQuietly(Transport transport) {
        if (transport == null) {
            return;
        }
        try {
            transport.close();
        } catch (MessagingException e) {
            // the message is already sent or already failed; a failing QUIT changes neither
        }
    }
}
