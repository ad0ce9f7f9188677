package io.newswatch.alerts.template;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.alerts.TestAlerts;
import io.newswatch.model.Alert;
import io.newswatch.model.Evidence;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Mustache side of the templates: escaping per format, sections, hostile values and what a load refuses. Each
 * table row writes one user template and renders it; {@code \n} and {@code \r} in a cell stand for line breaks.
 */
class MustacheTemplatesTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            email-body.html | {{title}}                                  | &lt;b&gt;&quot;Tanker&quot; &amp; &#39;ship&#39;&lt;/b&gt; a&#x3D;b&#x60;c
            email-body.txt  | {{title}}                                  | <b>"Tanker" & 'ship'</b> a=b`c
            email-body.txt  | {{{title}}}                                | <b>"Tanker" & 'ship'</b> a=b`c
            email-body.html | {{{evidenceHtml}}}                         | A &lt;b&gt;<mark>tanker</mark>&lt;/b&gt; &amp; a <mark>sanctions</mark> breach.
            email-body.html | {{evidenceHtml}}                           | A &lt;b&gt;<mark>tanker</mark>&lt;/b&gt; &amp; a <mark>sanctions</mark> breach.
            email-body.html | {{&evidenceHtml}}                          | A &lt;b&gt;<mark>tanker</mark>&lt;/b&gt; &amp; a <mark>sanctions</mark> breach.
            email-body.html | {{evidence}}                               | A &lt;b&gt;tanker&lt;/b&gt; &amp; a sanctions breach.
            email-body.txt  | {{evidence}}                               | A <b>tanker</b> & a sanctions breach.
            email-body.txt  | {{evidenceHtml}}                           | A &lt;b&gt;<mark>tanker</mark>&lt;/b&gt; &amp; a <mark>sanctions</mark> breach.
            email-body.html | {{#evidence}}{{sentence}}{{/evidence}}     | A &lt;b&gt;tanker&lt;/b&gt; &amp; a sanctions breach.
            email-body.html | {{#evidence}}{{{sentenceHtml}}}{{/evidence}} | A &lt;b&gt;<mark>tanker</mark>&lt;/b&gt; &amp; a <mark>sanctions</mark> breach.
            email-body.html | <a href="{{url}}">{{sourceId}}</a>         | <a href="https://news.example.org/2025/03/story-tmpl">test-feed</a>
            """)
    void valuesAreEscapedByFormatAndMarkupIsNotEscapedTwice(String file, String template, String expected)
            throws Exception {
        Alert alert = alert("<b>\"Tanker\" & 'ship'</b> a=b`c", List.of(evidence(Evidence.DECISIVE,
                "A <b>tanker</b> & a sanctions breach.", "sanctions", "tanker")), List.of());
        assertThat(renderWith(file, template, alert)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            proof first, then by role     | {{#evidence}}{{role}}/{{#proof}}proof{{/proof}}{{^proof}}other{{/proof}}: {{sentence}}\\n{{/evidence}} | decisive/proof: It shipped shells.\\ndecisive/other: It shipped rockets.\\ncontext/other: The port is busy.\\n
            others only                   | {{#otherEvidence}}{{^decisive}}[context] {{/decisive}}{{sentence}};{{/otherEvidence}}              | It shipped rockets.;[context] The port is busy.;
            first and last item           | {{#evidence}}{{#-first}}<{{/-first}}{{sentence}}{{#-last}}>{{/-last}}{{/evidence}}                   | <It shipped shells.It shipped rockets.The port is busy.>
            events, structured            | {{#events}}{{commodity}} {{from}}>{{to}} [{{amount}}] {{places}} {{status}} ({{attribution}})\\n{{/events}} | munitions KP>RU [1,000 containers] Najin → Dunay asserted (the White House)\\ncoal KP>C1 [1 ton]  asserted ()\\n
            event summaries               | {{#events}}- {{summary}}\\n{{/events}}                                                              | - KP → RU · munitions · 1,000 containers · Najin → Dunay · asserted (the White House)\\n- KP → C1 · coal · 1 ton · asserted\\n
            no more items                 | [{{moreEvidence}}/{{moreEvents}}]{{#moreEvents}}more{{/moreEvents}}{{^moreEvents}}all{{/moreEvents}} | [0/0]all
            an inverted list section      | {{^events}}no events{{/events}}{{#events}}{{/events}}                                                | ~~
            """)
    void sectionsIterateEvidenceItemsAndEvents(String what, String template, String expected) throws Exception {
        Alert alert = alert("t", List.of(evidence(Evidence.CONTEXT, "The port is busy."),
                evidence(Evidence.DECISIVE, "It shipped shells."), evidence(Evidence.DECISIVE, "It shipped rockets.")),
                List.of(TestAlerts.munitions(), TestAlerts.coalEvents(1).get(0)));
        assertThat(renderWith("email-body.txt", template.replace("\\n", "\n"), alert))
                .isEqualTo(expected == null ? "" : expected.replace("\\n", "\n"));
    }

    @Test
    void listsAreCutWhereEveryMessageCutsThemAndSayHowManyMore() throws Exception {
        List<Evidence> evidence = new ArrayList<>();
        for (int i = 1; i <= Proofs.MAX_OTHER_EVIDENCE + 3; i++) {
            evidence.add(evidence(Evidence.DECISIVE, "Sentence " + i + "."));
        }
        Alert alert = alert("t", evidence, TestAlerts.coalEvents(Proofs.MAX_EVENT_LINES + 2));

        assertThat(renderWith("email-body.txt", "{{#events}}{{to}},{{/events}} +{{moreEvents}}", alert))
                .isEqualTo("C1,C2,C3,C4,C5, +2");
        assertThat(renderWith("email-body.txt", "{{#evidence}}{{#-last}}{{sentence}}{{/-last}}{{/evidence}} "
                + "+{{moreEvidence}} {{^events}}none{{/events}}", alert)).isEqualTo("Sentence 9. +2 ");
        assertThat(renderWith("email-body.txt", "{{^events}}none{{/events}}", alert("t", evidence, List.of())))
                .isEqualTo("none");
    }

    @Test
    void aDigestBodyIteratesItsAlertsWhoseItemsTakeThePerAlertNames() throws Exception {
        Files.writeString(dir.resolve(AlertTemplates.EMAIL_DIGEST_BODY_HTML), "<h1>{{summary}}</h1>{{#alerts}}"
                + "<h2>{{title}}</h2>{{#events}}<p>{{summary}}</p>{{/events}}<q>{{{evidenceHtml}}}</q>{{/alerts}}"
                + "{{#reminder}}R{{/reminder}}{{^reminder}}G{{/reminder}}{{count}}", UTF_8);
        Alert hostile = alert("<i>one</i>", List.of(evidence(Evidence.DECISIVE, "x < y")),
                List.of(TestAlerts.hostileEvent()));
        Alert plain = alert("two", List.of(), List.of());

        String html = AlertTemplates.load(dir).renderDigest(AlertTemplates.EMAIL_DIGEST_BODY_HTML, false, "g",
                List.of(hostile, plain));

        assertThat(html).isEqualTo("<h1>2 alerts</h1><h2>&lt;i&gt;one&lt;/i&gt;</h2><p>KP → RU · weapons · possible "
                + "(&lt;script&gt;alert(1)&lt;/script&gt; &lt;!channel&gt; &amp; &#x3D;cmd|&#39; /C calc&#39;!A0)</p>"
                + "<q>x &lt; y</q><h2>two</h2><q></q>G2");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            email-subject.txt | [{{severity}}] {{title}}                | Headline\\r\\nBcc: victim@example.org | [critical] Headline Bcc: victim@example.org
            email-subject.txt | {{title}}                               | Tab\\there\\u0007bell             | Tab here\uFFFDbell
            email-body.html   | <h1>{{title}}</h1>                      | <script>alert(1)</script>          | <h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>
            email-body.html   | <img alt={{title}}>                     | x onerror=alert(1)                 | <img alt=x onerror&#x3D;alert(1)>
            email-body.html   | {{#title}}<b>{{title}}</b>{{/title}}     | <b>bold</b>                        | <b>&lt;b&gt;bold&lt;/b&gt;</b>
            email-body.txt    | {{title}}\\n{{update}}                  | Line one\\nLine two                | Line one Line two\\n
            """)
    void hostileValuesCannotAddLinesOrMarkup(String file, String template, String title, String expected)
            throws Exception {
        Alert alert = alert(unescape(title), List.of(), List.of());
        String rendered = AlertTemplates.EMAIL_SUBJECT.equals(file)
                ? load(file, template).emailSubject(alert) : renderWith(file, unescape(template), alert);
        assertThat(rendered).isEqualTo(unescape(expected));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            email-body.html          | <p>{{title}}</p>\\n<p>{{headline}}</p>                  | unknown name {{headline}} at line 2
            email-subject.txt        | {{#evidence}}{{sentense}}{{/evidence}}                  | unknown name {{sentense}} at line 1
            email-subject.txt        | {{^events}}\\n{{nothing}}{{/events}}                    | unknown name {{nothing}} at line 2
            email-body.txt           | {{#events}}{{^attribution}}{{tpyo}}{{/attribution}}{{/events}} | unknown name {{tpyo}}
            email-body.txt           | {{title.length}}                                        | unknown name {{title.length}}
            email-body.txt           | {{#titel}}x{{/titel}}                                   | unknown name {{titel}}
            email-digest-subject.txt | {{title}}                                               | unknown name {{title}}
            email-digest-body.txt    | {{#alerts}}{{title}} {{count}} {{nope}}{{/alerts}}      | unknown name {{nope}}
            slack-text.txt           | {{title} {{url}                                         | '{{' at line 1 is never closed with '}}'
            slack-text.txt           | {{title}}\\n{{url} and more                             | '{{' at line 2 is never closed with '}}'
            slack-text.txt           | {{tit\\nle}}                                            | '{{' at line 1 is never closed
            email-body.html          | {{{evidenceHtml}}\\n                                    | '{{{' at line 1 is never closed with '}}}'
            email-subject.txt        | {{#evidence}}{{sentence}}                               | Section missing close tag 'evidence'
            email-subject.txt        | {{#evidence}}{{/events}}                                | mismatched open tag
            email-body.html          | <p>{{{title}}}</p>                                      | {{{title}}} at line 1 would put title into HTML unescaped
            email-body.html          | {{& url }}                                              | would put url into HTML unescaped
            email-body.html          | {{#evidence}}{{{sentence}}}{{/evidence}}                | would put sentence into HTML unescaped
            email-subject.txt        | {{> header}}                                            | not supported
            email-subject.txt        | {{=<% %>=}}<%title%>                                    | not supported
            """)
    void aBrokenTemplateIsRefusedAtLoadNamingTheFile(String file, String template, String expected)
            throws Exception {
        assertThatThrownBy(() -> load(file, unescape(template)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("template " + dir.resolve(file))
                .hasMessageContaining(expected);
    }

    @Test
    void theContextsHoldExactlyTheNamesTheTemplatesAreCheckedAgainst() {
        for (Map<String, Object> alert : AlertContext.alertSamples()) {
            assertThat(alert.keySet()).containsExactlyInAnyOrderElementsOf(AlertContext.ALERT_NAMES);
        }
        Map<String, Object> full = AlertContext.alertSamples().get(0);
        for (Map<String, Object> item : (Items) full.get("evidence")) {
            assertThat(item.keySet()).containsExactlyInAnyOrderElementsOf(AlertContext.EVIDENCE_NAMES);
        }
        for (Map<String, Object> item : (Items) full.get("events")) {
            assertThat(item.keySet()).containsExactlyInAnyOrderElementsOf(AlertContext.EVENT_NAMES);
        }
        assertThat(full.get("moreEvidence")).isEqualTo(1);
        assertThat(full.get("moreEvents")).isEqualTo(1);
        for (Map<String, Object> digest : AlertContext.digestSamples()) {
            assertThat(digest.keySet()).containsExactlyInAnyOrderElementsOf(AlertContext.DIGEST_NAMES);
        }
    }

    @Test
    void aNameTheContextLacksIsAnErrorAtRenderTimeNotAnEmptyString() {
        MustacheTemplate template = MustacheTemplate.compile("t.txt", "[{{a}}]", false, List.of(Map.of("a", "1")),
                "[a]");
        assertThat(template.render(Map.of("a", ""))).isEqualTo("[]");
        assertThatThrownBy(() -> template.render(Map.of("b", "1")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("t.txt").hasMessageContaining("'a'");
    }

    private String renderWith(String file, String template, Alert alert) throws Exception {
        AlertTemplates templates = load(file, template);
        return file.endsWith(".html") ? templates.emailHtml(alert) : templates.emailText(alert);
    }

    private AlertTemplates load(String file, String template) throws Exception {
        Files.writeString(dir.resolve(file), template, UTF_8);
        return AlertTemplates.load(dir);
    }

    /** {@code \n}, {@code \r}, {@code \t} and {@code \u0007} written in a table cell, as the characters. */
    private static String unescape(String cell) {
        return cell.replace("\\n", "\n").replace("\\r", "\r").replace("\\t", "\t").replace("\\u0007", "\u0007");
    }

    private static Alert alert(String title, List<Evidence> evidence, List<io.newswatch.model.ViolationEvent> events) {
        Alert a = TestAlerts.sanctions("story-tmpl");
        return new Alert(a.schemaVersion(), a.id(), a.ruleId(), a.ruleTitle(), a.ruleVersion(), a.severity(),
                a.storyId(), a.articleId(), title, a.url(), a.sourceId(), a.publishedAt(), a.entities(), a.tags(),
                evidence, a.raisedAt()).withEvents(events);
    }

    private static Evidence evidence(String role, String sentence, String... matched) {
        return new Evidence("sanctions-violation", role, sentence, 0, sentence.length(), List.of(matched));
    }
}
