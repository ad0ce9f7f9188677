package io.newswatch.alerts.receiver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswatch.alerts.receiver.internal.BodyPrefixSubscriber;
import io.newswatch.alerts.template.AlertTemplates;
import io.newswatch.alerts.template.Proofs;
import io.newswatch.alerts.template.Highlights;
import io.newswatch.model.Alert;
import io.newswatch.model.Evidence;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Posts each alert to a Slack incoming webhook as a Block Kit message: a header with the headline, a section with
 * the rule and severity, the proof (the first decisive evidence sentence) as a quote with the matched words in
 * bold, a section with one summary line per violation event (at most {@value Proofs#MAX_EVENT_LINES}, then
 * {@code +N more events}; left out without events), a context line with the
 * source and publication time (and, for an update, how many other outlets carried the story), and a button to the
 * article. The top-level {@code text}, which notifications and old clients show, is the
 * {@link AlertTemplates#SLACK_TEXT} template.
 *
 * <p>Everything from scraped pages is escaped for Slack ({@code & < >}, so a headline cannot ping
 * {@code <!channel>} or forge a link) and cut to Slack's field limits; an article URL that is not http(s) gets no
 * button.
 *
 * <p>A group or reminder notification is one message: a header saying how many alerts and which group, then a
 * compact section per alert (at most {@value #MAX_LISTED}, the rest counted in an {@code and N more} line), so
 * Slack's limit of 50 blocks is never reached.
 *
 * <p>Where it may send: the webhook URL must pass an {@link OutboundUrlPolicy} (by default public addresses only)
 * when the receiver is built and again before every attempt, as for {@link WebhookReceiver}; a refusal is a
 * non-retryable failure, a host that does not resolve at an attempt a retryable one.
 *
 * <p>Outcome by status: 2xx is delivered. 429 and every 5xx are retryable, with the wait from {@code Retry-After}
 * when present; 408, connection errors and timeouts are retryable; any other status, redirects included (not
 * followed), is permanent (Slack answers 400 {@code invalid_payload}, 403 {@code invalid_token}, 404
 * {@code no_service}, 410 {@code channel_is_archived}).
 *
 * <p>Secrets: the webhook URL is a credential, so it appears nowhere, not in {@link #name()}, exception messages or
 * logs; errors name the receiver instead. Thread-safe.
 */
public final class SlackReceiver implements AlertReceiver {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ERROR_BODY_BYTES = 200;
    private static final int MAX_HEADER_CHARS = 150;
    private static final int MAX_FIELD_CHARS = 2000;
    private static final int MAX_EVIDENCE_CHARS = 600;
    private static final int MAX_URL_CHARS = 3000;
    private static final int MAX_SECTION_CHARS = 3000;
    /** Alerts a group message lists; with a divider between each, header and "and N more" it stays far below 50. */
    static final int MAX_LISTED = 10;

    private final URI webhook;
    private final String name;
    private final Duration timeout;
    private final AlertTemplates templates;
    private final OutboundUrlPolicy policy;
    private final HttpClient client;

    /**
     * @param label     what to call this receiver in logs, e.g. the channel ({@code slack(#sanctions)}); not a secret
     * @param webhook   the incoming-webhook URL; http or https with a host
     * @param timeout   connect timeout, and the limit for the whole exchange of one attempt
     * @param templates where the fallback text comes from
     * @throws IllegalArgumentException when the URL is not an absolute http(s) URL with a host, or the timeout is not
     *                                  positive (the message never shows the URL)
     */
    public SlackReceiver(String label, URI webhook, Duration timeout, AlertTemplates templates) {
        this(label, webhook, timeout, templates, OutboundUrlPolicy.defaults());
    }

    /**
     * A Slack receiver that may call only what {@code policy} allows, checked now and before each attempt.
     *
     * @param policy which addresses the webhook's host may resolve to
     * @throws IllegalArgumentException as {@link #SlackReceiver(String, URI, Duration, AlertTemplates)}, or when the
     *                                  policy refuses the URL (the message says why, never the URL)
     */
    public SlackReceiver(String label, URI webhook, Duration timeout, AlertTemplates templates,
            OutboundUrlPolicy policy) {
        Objects.requireNonNull(label, "label");
        this.policy = Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(webhook, "webhook");
        Objects.requireNonNull(timeout, "timeout");
        this.templates = Objects.requireNonNull(templates, "templates");
        this.name = "slack(" + AlertTemplates.clean(label) + ")";
        String scheme = webhook.getScheme() == null ? "" : webhook.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException(name + ": the webhook URL must be http or https");
        }
        if (webhook.getHost() == null || webhook.getHost().isEmpty()) {
            throw new IllegalArgumentException(name + ": the webhook URL has no host");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(name + ": timeout must be positive, not " + timeout);
        }
        this.webhook = webhook;
        this.timeout = timeout;
        try {
            Optional<String> refusal = policy.refusal(webhook);
            if (refusal.isPresent()) {
                throw new IllegalArgumentException(name + ": " + refusal.get());
            }
        } catch (UnknownHostException e) {
            // DNS may be down at start-up: each attempt checks again
        }
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public String name() {
        return name;
    }


    /**
     * Posts a single alert's message as {@link #deliver(Alert)} does, or a group's or reminder's one message
     * ({@link #groupMessage}).
     */
    @Override
    public void deliver(Notification notification) throws DeliveryException {
        checkPolicy();
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(notification.isSingle() ? message(notification.first())
                    : groupMessage(notification));
        } catch (JsonProcessingException e) {
            throw DeliveryException.permanent(name + ": notification " + notification.key()
                    + " cannot be written as JSON");
        }
        post(body);
    }

    private void checkPolicy() throws DeliveryException {
        Optional<String> refusal;
        try {
            refusal = policy.refusal(webhook);
        } catch (UnknownHostException e) {
            throw DeliveryException.retryable(name + " unreachable: host does not resolve");
        }
        if (refusal.isPresent()) {
            throw DeliveryException.permanent(name + ": " + refusal.get());
        }
    }

    private void post(byte[] body) throws DeliveryException {
        HttpRequest request = HttpRequest.newBuilder(webhook)
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "newswatch-alerts/0.1")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request,
                info -> new BodyPrefixSubscriber(info.statusCode() / 100 == 2 ? 0 : MAX_ERROR_BODY_BYTES));
        HttpResponse<byte[]> response;
        try {
            // bounds the whole exchange, body included: the request timeout alone stops at the headers
            response = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw DeliveryException.retryable(name + " did not answer within " + timeout);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof HttpTimeoutException) {
                throw DeliveryException.retryable(name + " did not answer within " + timeout);
            }
            // only the exception type: JDK messages may quote the request URI, which holds the token
            throw DeliveryException.retryable(name + " unreachable: " + cause.getClass().getSimpleName());
        } catch (InterruptedException e) {
            exchange.cancel(true);
            // keep the flag so the caller sees it is being shut down and does not dead-letter the alert
            Thread.currentThread().interrupt();
            throw DeliveryException.retryable(name + ": interrupted while waiting for an answer");
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            return;
        }
        String what = name + " answered " + status + quoted(response.body());
        if (status == 429 || status >= 500) {
            Duration wait = response.headers().firstValue("Retry-After")
                    .flatMap(WebhookReceiver::parseRetryAfter).orElse(null);
            throw DeliveryException.retryableAfter(what, wait);
        }
        if (status == 408) {
            throw DeliveryException.retryable(what);
        }
        throw DeliveryException.permanent(what);
    }

    /** The Block Kit message for an alert: {@code text} fallback plus blocks. Visible for tests. */
    ObjectNode message(Alert alert) {
        ObjectNode root = JSON.createObjectNode();
        root.put("text", escape(cut(templates.slackText(alert), MAX_FIELD_CHARS)));
        ArrayNode blocks = root.putArray("blocks");

        String title = AlertTemplates.clean(alert.title());
        ObjectNode header = blocks.addObject().put("type", "header");
        plain(header.putObject("text"), cut(title.isEmpty() ? "(untitled)" : title, MAX_HEADER_CHARS));

        ObjectNode facts = blocks.addObject().put("type", "section");
        ArrayNode fields = facts.putArray("fields");
        String ruleTitle = AlertTemplates.clean(alert.ruleTitle());
        String ruleId = AlertTemplates.clean(alert.ruleId());
        String rule = cut(ruleTitle.isEmpty() ? ruleId : ruleTitle, MAX_EVIDENCE_CHARS);
        mrkdwn(fields.addObject(), "*Rule*\n" + escape(rule)
                + (ruleId.isEmpty() || ruleTitle.isEmpty() ? "" : " (`" + escape(cut(ruleId, 200)) + "`)"));
        mrkdwn(fields.addObject(), "*Severity*\n" + escape(AlertTemplates.severity(alert)));

        String quote = evidenceQuote(alert);
        if (!quote.isEmpty()) {
            mrkdwn(blocks.addObject().put("type", "section").putObject("text"), quote);
        }
        String events = eventList(alert);
        if (!events.isEmpty()) {
            mrkdwn(blocks.addObject().put("type", "section").putObject("text"),
                    cut("*Events*\n" + events, MAX_SECTION_CHARS));
        }

        ArrayNode context = blocks.addObject().put("type", "context").putArray("elements");
        String source = AlertTemplates.clean(alert.sourceId());
        String published = AlertTemplates.publishedAt(alert);
        mrkdwn(context.addObject(), cut("Source: " + escape(source.isEmpty() ? "unknown" : source)
                + " · published " + escape(published), MAX_FIELD_CHARS));
        if (alert.revision() > 0) {
            mrkdwn(context.addObject(), cut("*Update:* " + AlertTemplates.alsoReportedBy(alert)
                    + (alert.alsoReportedBy().isEmpty() ? "" : " (" + escape(AlertTemplates.joined(
                    alert.alsoReportedBy())) + ")"), MAX_FIELD_CHARS));
        }

        String url = AlertTemplates.webUrl(alert.url());
        if (!url.isEmpty() && url.length() <= MAX_URL_CHARS) {
            ObjectNode button = blocks.addObject().put("type", "actions").putArray("elements").addObject()
                    .put("type", "button").put("action_id", "open-article").put("url", url);
            plain(button.putObject("text"), "Open article");
        }
        return root;
    }

    /**
     * The Block Kit message for a group or reminder: a header ({@code 3 alerts · rule=ru-kp},
     * {@code Reminder: 2 open alerts · all}), then one section per alert (severity, rule, the title linked to the
     * article, the proof quote, the event lines, source and publication time) for at most {@value #MAX_LISTED}
     * alerts, then a context line {@code and N more} for the rest. At most {@value #MAX_LISTED} * 2 + 2 blocks, well under Slack's
     * 50. Visible for tests.
     */
    ObjectNode groupMessage(Notification notification) {
        List<Alert> alerts = notification.alerts();
        String group = AlertTemplates.clean(notification.group());
        String headline = AlertTemplates.digestSummary(notification.kind() == Notification.Kind.REMINDER,
                alerts.size()) + " · " + (group.isEmpty() ? "all" : group);
        ObjectNode root = JSON.createObjectNode();
        root.put("text", escape(cut(headline + ": " + templates.slackText(alerts.get(0))
                + (alerts.size() > 1 ? " (and " + (alerts.size() - 1) + " more)" : ""), MAX_FIELD_CHARS)));
        ArrayNode blocks = root.putArray("blocks");
        plain(blocks.addObject().put("type", "header").putObject("text"), cut(headline, MAX_HEADER_CHARS));
        int listed = Math.min(alerts.size(), MAX_LISTED);
        for (int i = 0; i < listed; i++) {
            if (i > 0) {
                blocks.addObject().put("type", "divider");
            }
            mrkdwn(blocks.addObject().put("type", "section").putObject("text"), cut(compact(alerts.get(i)),
                    MAX_SECTION_CHARS));
        }
        if (alerts.size() > listed) {
            mrkdwn(blocks.addObject().put("type", "context").putArray("elements").addObject(),
                    "and " + (alerts.size() - listed) + " more");
        }
        return root;
    }

    /** One alert of a group in a few mrkdwn lines, every scraped value escaped. */
    private static String compact(Alert alert) {
        String ruleTitle = AlertTemplates.clean(alert.ruleTitle());
        String rule = ruleTitle.isEmpty() ? AlertTemplates.clean(alert.ruleId()) : ruleTitle;
        String title = cut(AlertTemplates.clean(alert.title()), MAX_HEADER_CHARS);
        title = escape(title.isEmpty() ? "(untitled)" : title);
        String url = AlertTemplates.webUrl(alert.url());
        // a '|' would end the link's URL early and turn the rest into the label
        boolean linkable = !url.isEmpty() && url.length() <= MAX_URL_CHARS && url.indexOf('|') < 0;
        StringBuilder text = new StringBuilder(512)
                .append("*[").append(escape(AlertTemplates.severity(alert))).append("]* ")
                .append(escape(cut(rule, MAX_EVIDENCE_CHARS))).append('\n')
                .append(linkable ? "*<" + escape(url) + "|" + title + ">*" : "*" + title + "*");
        if (alert.revision() > 0) {
            text.append(" _(update: ").append(AlertTemplates.alsoReportedBy(alert)).append(")_");
        }
        String quote = evidenceQuote(alert);
        if (!quote.isEmpty()) {
            text.append('\n').append(quote);
        }
        String events = eventList(alert);
        if (!events.isEmpty()) {
            text.append('\n').append(events);
        }
        String source = AlertTemplates.clean(alert.sourceId());
        return text.append('\n').append("Source: ").append(escape(source.isEmpty() ? "unknown" : source))
                .append(" · published ").append(escape(AlertTemplates.publishedAt(alert)))
                .toString();
    }

    /**
     * The proof, the first decisive evidence sentence ({@link Evidence#firstDecisive}), as a Slack quote
     * ({@code >} line) with the matched terms in {@code *bold*}, cut to 600 characters, or "" when the alert has no
     * evidence.
     */
    static String evidenceQuote(Alert alert) {
        Evidence first = Evidence.firstDecisive(alert.evidence());
        if (first == null) {
            return "";
        }
        String sentence = cut(AlertTemplates.clean(first.text()), MAX_EVIDENCE_CHARS);
        if (sentence.isEmpty()) {
            return "";
        }
        List<String> terms = first.matched().stream().map(AlertTemplates::clean).toList();
        return ">" + Highlights.mark(sentence, terms, SlackReceiver::escape, "*", "*");
    }

    /**
     * One {@code • summary} line per violation event, escaped for mrkdwn, at most
     * {@value Proofs#MAX_EVENT_LINES} and then {@code _+N more events_}; "" without events.
     */
    static String eventList(Alert alert) {
        List<String> lines = Proofs.eventLines(alert);
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(line.startsWith("+") ? "_" + escape(line) + "_" : "• " + escape(line));
        }
        return out.toString();
    }

    /** Escapes the three characters Slack reserves for its own markup: {@code &}, {@code <}, {@code >}. */
    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void plain(ObjectNode text, String value) {
        text.put("type", "plain_text").put("text", value).put("emoji", false);
    }

    private static void mrkdwn(ObjectNode text, String value) {
        text.put("type", "mrkdwn").put("text", value);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** ": first bytes of the body" on one line, or "" when empty; Slack's error bodies are short codes. */
    private String quoted(byte[] body) {
        String text = AlertTemplates.clean(new String(body, StandardCharsets.UTF_8));
        String secret = webhook.getRawPath();
        if (secret != null && secret.length() > 1) {
            text = text.replace(secret, "/…");
        }
        return text.isEmpty() ? "" : ": " + text;
    }
}
