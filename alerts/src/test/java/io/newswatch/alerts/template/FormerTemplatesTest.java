package io.newswatch.alerts.template;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.alerts.TestAlerts;
import io.newswatch.model.Alert;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Templates written for the former {@code {{name}}} placeholders, before the templates were Mustache, keep their
 * output. Each expected text is written out from what the former placeholders meant, line by line.
 */
class FormerTemplatesTest {
    /** The former default e-mail text body, as a user would have copied it into an override directory. */
    private static final String FORMER_EMAIL_BODY_TEXT = """
            {{title}}
            {{update}}

            Rule:       {{ruleTitle}} ({{ruleId}})
            Severity:   {{severity}}
            Source:     {{sourceId}}, published {{publishedAt}}
            Link:       {{url}}

            Evidence:
              "{{evidence}}"
            {{otherEvidence}}{{events}}
            Entities:   {{entities}}
            Tags:       {{tags}}
            Also reported by ({{alsoReportedCount}}): {{alsoReportedBy}}

            --\s
            newswatch alert {{alertId}}, revision {{revision}}, story {{storyId}}
            """;
    private static final String FORMER_DIGEST_BODY_TEXT = """
            {{summary}} · {{group}}

            {{alerts}}--\s
            newswatch {{kind}} of {{count}} alerts, group {{group}}
            """;
    private static final String TITLE = "Tanker seen transferring fuel to North Korean ship off Vladivostok";
    private static final String URL = "https://news.example.org/2025/03/story-former";

    /** An update with a context sentence before the decisive one, and one event. */
    private final Alert alert = TestAlerts.withProof("story-former", List.of(TestAlerts.munitions()))
            .updated(List.of("wire-a"), Instant.parse("2025-03-14T10:00:00Z"));

    @TempDir
    Path dir;

    @Test
    void aFormerTextBodyRendersWhatItRenderedBefore() throws Exception {
        Files.writeString(dir.resolve(AlertTemplates.EMAIL_BODY_TEXT), FORMER_EMAIL_BODY_TEXT, UTF_8);
        Files.writeString(dir.resolve(AlertTemplates.EMAIL_SUBJECT), "{{ severity }}|{{ruleId }}: {{title}}\n",
                UTF_8);

        AlertTemplates templates = AlertTemplates.load(dir);

        assertThat(templates.emailSubject(alert)).isEqualTo("critical|sanctions-violation: " + TITLE);
        assertThat(templates.emailText(alert)).isEqualTo(TITLE + "\n"
                + "Update: also reported by 1 outlet\n"
                + "\n"
                + "Rule:       Sanctions breach reported (sanctions-violation)\n"
                + "Severity:   critical\n"
                + "Source:     test-feed, published 2025-03-14 08:30 UTC\n"
                + "Link:       " + URL + "\n"
                + "\n"
                + "Evidence:\n"
                + "  \"" + TestAlerts.DECISIVE_SENTENCE + "\"\n"
                + "  [context] \"" + TestAlerts.CONTEXT_SENTENCE + "\"\n"
                + "\n"
                + "Events:\n"
                + "  - " + TestAlerts.MUNITIONS_SUMMARY + "\n"
                + "\n"
                + "Entities:   KP, RU\n"
                + "Tags:       ru-kp, sanctions-violation\n"
                + "Also reported by (1): wire-a\n"
                + "\n"
                + "-- \n"
                + "newswatch alert " + alert.id() + ", revision 1, story story-former\n");
    }

    @Test
    void aFormerHtmlBodyRendersItsMarkupValuesRawAndEscapesTheRestOnce() throws Exception {
        Files.writeString(dir.resolve(AlertTemplates.EMAIL_BODY_HTML), "<h1>{{title}}</h1><p>{{update}}</p>\n"
                + "<blockquote>{{evidenceHtml}}</blockquote>\n{{otherEvidenceHtml}}{{eventsHtml}}"
                + "<a href=\"{{url}}\">{{sourceId}}</a>", UTF_8);

        String html = AlertTemplates.load(dir).emailHtml(alert);

        assertThat(html).isEqualTo("<h1>" + TITLE + "</h1><p>Update: also reported by 1 outlet</p>\n"
                + "<blockquote>The White House said North Korea <mark>shipped</mark> more than 1,000 containers of "
                + "<mark>munitions</mark> to Russia through Najin.</blockquote>\n"
                + "<ul style=\"color: #555;\"><li><em>context:</em> North Korea&#39;s leader toured a shell factory "
                + "in the spring.</li></ul>\n"
                + "<p style=\"margin-bottom: 0;\"><strong>Events</strong></p>\n"
                + "<ul><li>KP → RU · munitions · 1,000 containers · Najin → Dunay · asserted (the White House)</li>"
                + "</ul>\n"
                + "<a href=\"" + URL + "\">test-feed</a>");
    }

    @Test
    void aFormerDigestBodyListsItsAlertsAsTheFormerDefaultItemTemplatesDid() throws Exception {
        Files.writeString(dir.resolve(AlertTemplates.EMAIL_DIGEST_BODY_TEXT), FORMER_DIGEST_BODY_TEXT, UTF_8);
        Files.writeString(dir.resolve(AlertTemplates.EMAIL_DIGEST_BODY_HTML),
                "<h2>{{summary}}</h2><code>{{group}}</code>\n{{alertsHtml}}<p>{{kind}}</p>", UTF_8);
        Alert plain = TestAlerts.with(TestAlerts.sanctions("story-plain"), "warning", "Coal ship dark",
                "A bulk carrier went dark.");
        AlertTemplates templates = AlertTemplates.load(dir);

        assertThat(templates.renderDigest(AlertTemplates.EMAIL_DIGEST_BODY_TEXT, true, "story 7",
                List.of(alert, plain))).isEqualTo("Reminder: 2 open alerts · story 7\n"
                + "\n"
                + "[critical] Sanctions breach reported (sanctions-violation): " + TITLE + "\n"
                + "  \"" + TestAlerts.DECISIVE_SENTENCE + "\"\n"
                + "  Source: test-feed, published 2025-03-14 08:30 UTC. Update: also reported by 1 outlet\n"
                + "  " + URL + "\n"
                + "\n"
                + "Events:\n"
                + "  - " + TestAlerts.MUNITIONS_SUMMARY + "\n"
                + "\n"
                + "[warning] Sanctions breach reported (sanctions-violation): Coal ship dark\n"
                + "  \"A bulk carrier went dark.\"\n"
                + "  Source: test-feed, published 2025-03-14 08:30 UTC. \n"
                + "  https://news.example.org/2025/03/story-plain\n"
                + "\n"
                + "-- \n"
                + "newswatch reminder of 2 alerts, group story 7\n");
        assertThat(templates.renderDigest(AlertTemplates.EMAIL_DIGEST_BODY_HTML, false, "story 7",
                List.of(plain))).isEqualTo("<h2>1 alert</h2><code>story 7</code>\n"
                + "<div style=\"border-top: 1px solid #ddd; padding: 0.5em 0;\">\n"
                + "<h3 style=\"margin: 0;\">[warning] <a href=\"https://news.example.org/2025/03/story-plain\">"
                + "Coal ship dark</a></h3>\n"
                + "<p style=\"margin: 0.2em 0; color: #555;\">Sanctions breach reported (<code>sanctions-violation"
                + "</code>) · test-feed, published 2025-03-14 08:30 UTC <strong></strong></p>\n"
                + "<blockquote style=\"border-left: 3px solid #ccc; margin: 0.5em 0; padding-left: 1em;\">"
                + "A bulk carrier went dark.</blockquote>\n"
                + "</div>\n"
                + "<p>group</p>");
    }

    @Test
    void theNewDefaultsRenderWhatTheFormerDefaultsDidForAnAlertWithoutMoreThanTheCaps() throws Exception {
        Files.writeString(dir.resolve(AlertTemplates.EMAIL_BODY_TEXT), FORMER_EMAIL_BODY_TEXT, UTF_8);
        Files.writeString(dir.resolve(AlertTemplates.EMAIL_DIGEST_BODY_TEXT), FORMER_DIGEST_BODY_TEXT, UTF_8);
        AlertTemplates former = AlertTemplates.load(dir);
        AlertTemplates defaults = AlertTemplates.defaults();

        assertThat(defaults.emailText(alert)).isEqualTo(former.emailText(alert));
        assertThat(defaults.renderDigest(AlertTemplates.EMAIL_DIGEST_BODY_TEXT, false, "g", List.of(alert)))
                .isEqualTo(former.renderDigest(AlertTemplates.EMAIL_DIGEST_BODY_TEXT, false, "g", List.of(alert)));
    }
}
