package io.newswatch.alerts.template;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.alerts.TestAlerts;
import io.newswatch.model.Alert;
import io.newswatch.model.Evidence;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AlertTemplatesTest {
    private final Alert alert = TestAlerts.sanctions("story-tmpl");

    @Test
    void defaultsRenderEveryTemplateWithTheAlertsValues() {
        AlertTemplates templates = AlertTemplates.defaults();

        assertThat(templates.emailSubject(alert)).isEqualTo("[critical] Sanctions breach reported: "
                + "Tanker seen transferring fuel to North Korean ship off Vladivostok");
        assertThat(templates.emailText(alert))
                .contains("Rule:       Sanctions breach reported (sanctions-violation)")
                .contains("published 2025-03-14 08:30 UTC")
                .contains("\"Port records show a Russian-flagged tanker")
                .contains("Entities:   KP, RU")
                .contains(alert.url())
                .contains("newswatch alert " + alert.id() + ", revision 0, story story-tmpl")
                .doesNotContain("{{").doesNotContain("<mark>");
        assertThat(templates.emailHtml(alert))
                .contains("<h2 style=\"margin-bottom: 0.2em;\">Tanker seen transferring fuel")
                .contains("<a href=\"" + alert.url() + "\">")
                .contains("a <mark>Russian-flagged</mark> tanker moored beside a <mark>North Korean</mark> vessel")
                .contains("the UN <mark>sanctions</mark> forbid.")
                .doesNotContain("{{");
        assertThat(templates.slackText(alert)).isEqualTo("[critical] Sanctions breach reported: Tanker seen "
                + "transferring fuel to North Korean ship off Vladivostok " + alert.url());
    }

    @Test
    void anUpdateSaysHowManyOtherOutletsCarriedTheStory() {
        Alert update = alert.updated(List.of("wire-a", "wire-b"), alert.raisedAt().plusSeconds(60));
        String text = AlertTemplates.defaults().emailText(update);
        assertThat(text).contains("Update: also reported by 2 outlets")
                .contains("Also reported by (2): wire-a, wire-b")
                .contains("revision 1");
        assertThat(AlertTemplates.defaults().emailText(alert)).doesNotContain("Update:");
    }

    @Test
    void aFileInTheOverrideDirectoryReplacesOnlyThatTemplate(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(AlertTemplates.EMAIL_SUBJECT), "ALERT {{ ruleId }} / {{severity}}\n", UTF_8);
        Files.writeString(dir.resolve("unrelated.txt"), "{{notAPlaceholder}}", UTF_8);

        AlertTemplates templates = AlertTemplates.load(dir);

        assertThat(templates.emailSubject(alert)).isEqualTo("ALERT sanctions-violation / critical");
        assertThat(templates.emailText(alert)).isEqualTo(AlertTemplates.defaults().emailText(alert));
        assertThat(templates.slackText(alert)).isEqualTo(AlertTemplates.defaults().slackText(alert));
    }

    @Test
    void anUnknownNameIsRejectedAtLoadNamingFileNameAndLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(AlertTemplates.EMAIL_BODY_HTML), "<p>{{title}}</p>\n<p>{{headline}}</p>",
                UTF_8);
        assertThatThrownBy(() -> AlertTemplates.load(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(dir.resolve("email-body.html").toString())
                .hasMessageContaining("{{headline}}")
                .hasMessageContaining("line 2");
    }

    @Test
    void anUnclosedTagIsRejectedAtLoad(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(AlertTemplates.SLACK_TEXT), "{{title} {{url}", UTF_8);
        assertThatThrownBy(() -> AlertTemplates.load(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("slack-text.txt")
                .hasMessageContaining("never closed");
    }

    @Test
    void aDirectoryThatIsNotOneIsRejected(@TempDir Path dir) {
        assertThatThrownBy(() -> AlertTemplates.load(dir.resolve("missing")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a directory");
    }

    @Test
    void valuesAreHtmlEscapedInHtmlTemplatesAndNeverInTextTemplates(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(AlertTemplates.EMAIL_BODY_HTML), "<h1>{{title}}</h1><q>{{evidenceHtml}}</q>",
                UTF_8);
        Files.writeString(dir.resolve(AlertTemplates.EMAIL_BODY_TEXT), "{{title}} | {{evidence}}", UTF_8);
        String evil = "Breaking <script>alert('x')</script> & \"more\"";
        Alert hostile = withEvidence(evil, "A <b>tanker</b> & a sanctions breach.", List.of("sanctions", "tanker"));

        AlertTemplates templates = AlertTemplates.load(dir);

        assertThat(templates.emailHtml(hostile)).isEqualTo("<h1>Breaking &lt;script&gt;alert(&#39;x&#39;)"
                + "&lt;/script&gt; &amp; &quot;more&quot;</h1>"
                + "<q>A &lt;b&gt;<mark>tanker</mark>&lt;/b&gt; &amp; a <mark>sanctions</mark> breach.</q>");
        assertThat(templates.emailText(hostile)).isEqualTo(evil + " | A <b>tanker</b> & a sanctions breach.");
    }

    @Test
    void eventVariablesAreEscapedOnceInHtmlTemplatesAndLeftAsTheyAreInTextTemplates(@TempDir Path dir)
            throws Exception {
        Files.writeString(dir.resolve(AlertTemplates.EMAIL_BODY_HTML), "{{eventsHtml}}|{{events}}|{{evidence}}",
                UTF_8);
        Files.writeString(dir.resolve(AlertTemplates.EMAIL_BODY_TEXT), "{{evidence}}\n{{otherEvidence}}{{events}}",
                UTF_8);
        Alert alert = io.newswatch.alerts.TestAlerts.withProof("tpl-events",
                List.of(io.newswatch.alerts.TestAlerts.hostileEvent()));

        AlertTemplates templates = AlertTemplates.load(dir);

        String summary = "KP → RU · weapons · possible (" + io.newswatch.alerts.TestAlerts.HOSTILE_ATTRIBUTION
                + ")";
        assertThat(templates.emailHtml(alert)).isEqualTo("<p style=\"margin-bottom: 0;\"><strong>Events</strong></p>\n"
                + "<ul><li>" + AlertTemplates.escapeHtml(summary) + "</li></ul>\n"
                + "|" + AlertTemplates.escapeHtml("\nEvents:\n  - " + summary + "\n")
                + "|" + io.newswatch.alerts.TestAlerts.DECISIVE_SENTENCE);
        assertThat(templates.emailText(alert)).isEqualTo(io.newswatch.alerts.TestAlerts.DECISIVE_SENTENCE + "\n"
                + "  [context] \"" + io.newswatch.alerts.TestAlerts.CONTEXT_SENTENCE + "\"\n"
                + "\nEvents:\n  - " + summary + "\n");
    }

    @Test
    void lineBreaksInScrapedValuesCannotAddLinesToTheSubject() {
        Alert hostile = withEvidence("Headline\r\nBcc: victim@example.org", "x", List.of());
        assertThat(AlertTemplates.defaults().emailSubject(hostile))
                .isEqualTo("[critical] Sanctions breach reported: Headline Bcc: victim@example.org");
    }

    @Test
    void aUrlThatIsNotHttpRendersEmpty() {
        assertThat(AlertTemplates.webUrl("javascript:alert(1)")).isEmpty();
        assertThat(AlertTemplates.webUrl("HTTPS://news.example.org/a")).isEqualTo("HTTPS://news.example.org/a");
    }

    @Test
    void highlightsMarkWholeWordsCaseInsensitivelyAndMergeOverlaps() {
        String marked = Highlights.mark("North Korean and north korean ships; Koreans too.",
                List.of("North Korean", "Korean", "ships"), s -> s, "[", "]");
        assertThat(marked).isEqualTo("[North Korean] and [north korean] [ships]; Koreans too.");
    }

    private Alert withEvidence(String title, String sentence, List<String> matched) {
        return new Alert(alert.schemaVersion(), alert.id(), alert.ruleId(), alert.ruleTitle(), alert.ruleVersion(),
                alert.severity(), alert.storyId(), alert.articleId(), title, alert.url(), alert.sourceId(),
                alert.publishedAt(), alert.entities(), alert.tags(),
                List.of(new Evidence("sanctions-violation", sentence, 0, sentence.length(), matched)),
                alert.raisedAt());
    }

    @Test
    void theDigestTemplatesListEveryAlertUnderAHeadline() {
        Alert other = TestAlerts.with(TestAlerts.sanctions("story-other"), "warning", "Coal ship dark for a week",
                "A bulk carrier went dark.");
        AlertTemplates templates = AlertTemplates.defaults();
        List<Alert> alerts = List.of(alert, other);

        assertThat(templates.emailDigestSubject(false, "rule=ru-kp", alerts))
                .isEqualTo("[newswatch] 2 alerts · rule=ru-kp");
        assertThat(templates.emailDigestSubject(true, "", List.of(alert)))
                .isEqualTo("[newswatch] Reminder: 1 open alert · all");
        assertThat(templates.renderDigest(AlertTemplates.EMAIL_DIGEST_BODY_TEXT, false, "rule=ru-kp", alerts))
                .startsWith("2 alerts · rule=ru-kp\n")
                .contains("[critical] Sanctions breach reported (sanctions-violation): " + alert.title())
                .contains("[warning] Sanctions breach reported (sanctions-violation): Coal ship dark for a week")
                .contains("\"A bulk carrier went dark.\"")
                .contains("newswatch group of 2 alerts, group rule=ru-kp")
                .doesNotContain("{{");
        assertThat(templates.renderDigest(AlertTemplates.EMAIL_DIGEST_BODY_HTML, false, "rule=ru-kp", alerts))
                .contains("<h2 style=\"margin-bottom: 0.2em;\">2 alerts</h2>")
                .contains("<a href=\"" + alert.url() + "\">" + alert.title() + "</a>")
                .contains("<mark>Russian-flagged</mark>")
                .contains("Coal ship dark for a week")
                .doesNotContain("{{");
    }

    @Test
    void digestValuesAreHtmlEscapedOnceAndTheGroupLabelCannotAddLines(@TempDir Path dir) throws Exception {
        Alert hostile = TestAlerts.with(alert, "critical", "<script>x</script> & co", null);
        Files.writeString(dir.resolve(AlertTemplates.EMAIL_DIGEST_SUBJECT), "{{count}} {{kind}}: {{group}}", UTF_8);
        AlertTemplates templates = AlertTemplates.load(dir);

        assertThat(templates.emailDigestSubject(true, "story=<b>\r\nBcc: x@example.org", List.of(hostile)))
                .isEqualTo("1 reminder: story=<b> Bcc: x@example.org");
        assertThat(templates.renderDigest(AlertTemplates.EMAIL_DIGEST_BODY_HTML, false, "a<b", List.of(hostile)))
                .contains("&lt;script&gt;x&lt;/script&gt; &amp; co").doesNotContain("<script>")
                .doesNotContain("&amp;lt;").contains("<code>a&lt;b</code>");
    }

    @Test
    void digestAndPerAlertNamesAreNotInterchangeable(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(AlertTemplates.EMAIL_DIGEST_SUBJECT), "{{title}}", UTF_8);
        assertThatThrownBy(() -> AlertTemplates.load(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(AlertTemplates.EMAIL_DIGEST_SUBJECT).hasMessageContaining("{{title}}");

        Files.writeString(dir.resolve(AlertTemplates.EMAIL_DIGEST_SUBJECT), "{{count}}", UTF_8);
        Files.writeString(dir.resolve(AlertTemplates.EMAIL_SUBJECT), "{{count}}", UTF_8);
        assertThatThrownBy(() -> AlertTemplates.load(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(AlertTemplates.EMAIL_SUBJECT).hasMessageContaining("{{count}}");

        assertThatThrownBy(() -> AlertTemplates.defaults().render(AlertTemplates.EMAIL_DIGEST_BODY_TEXT, alert))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"email-digest-item.txt", "email-digest-item.html"})
    void aFormerDigestItemTemplateIsRefusedRatherThanIgnored(String file, @TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(file), "[{{severity}}] {{title}}\n", UTF_8);
        assertThatThrownBy(() -> AlertTemplates.load(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(dir.resolve(file).toString())
                .hasMessageContaining("no longer read")
                .hasMessageContaining("{{#alerts}}");
    }
}
