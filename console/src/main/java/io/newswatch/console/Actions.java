package io.newswatch.console;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.newswatch.alerts.silence.SilenceWriter;
import io.newswatch.console.internal.ArticlePage;
import io.newswatch.console.internal.Layout;
import io.newswatch.console.internal.RulesPage;
import io.newswatch.console.internal.SilencesPage;
import io.newswatch.console.internal.SourcesPage;
import io.newswatch.model.Alert;
import io.newswatch.model.Silence;
import io.newswatch.model.TaggedArticle;
import io.newswatch.model.ViolationRecord;
import io.newswatch.model.topics.CompactedTopicWriter;
import io.newswatch.model.topics.DeadLetters;
import io.newswatch.model.topics.Topics;
import io.newswatch.streams.replay.Replay;
import io.newswatch.streams.replay.ReplayDiffResult;
import io.newswatch.streams.replay.ReplayResult;
import io.newswatch.streams.rules.RuleRecords;
import io.newswatch.tagger.RuleChecker;
import io.newswatch.tagger.RuleSet;
import io.newswatch.tagger.RuleSetException;
import io.newswatch.tagger.Tagger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The console's pages that act, and the article page: each handler reads what it shows from {@link Console.Sources}
 * and changes things only through the code the CLI commands use ({@link SilenceWriter}, {@link DeadLetters},
 * {@link CompactedTopicWriter} with {@link RuleRecords}, {@link Replay}). A handler that fails shows the reason on
 * its page; nothing is half-written.
 */
final class Actions {
    private static final String CLIENT = "newswatch-console";
    /** The longest backtest: a year of history, so that one click cannot keep the console busy for long. */
    static final Duration MAX_BACKTEST = Duration.ofDays(366);

    private final Console.Sources sources;
    private final Function<Context, String> csrf;

    Actions(Console.Sources sources, Function<Context, String> csrf) {
        this.sources = sources;
        this.csrf = csrf;
    }

    void article(Context ctx) {
        String id = ctx.pathParam("id");
        Optional<TaggedArticle> tagged = sources.articles().fetch(id);
        if (tagged.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND);
            Console.html(ctx, "", "Article not found", Layout.notice("error", "No tagged article " + id
                    + " has been read from " + Topics.TAGGED.name() + " (yet), or it has passed the topic's retention."));
            return;
        }
        List<Alert> alerts = sources.feed().newest(a -> id.equals(a.articleId()), 20).stream()
                .map(e -> e.alert()).toList();
        Map<String, ArticlePage.Outlet> story = new LinkedHashMap<>();
        // an article's alerts (one per rule) share its story: one pass over the kept alerts and one over the ledger
        java.util.Set<String> stories = new java.util.HashSet<>();
        alerts.forEach(a -> {
            if (a.storyId() != null) {
                stories.add(a.storyId());
            }
        });
        if (!stories.isEmpty()) {
            sources.feed().newest(o -> stories.contains(o.storyId()) && !id.equals(o.articleId()), 50)
                    .forEach(e -> story.putIfAbsent(e.alert().articleId(), new ArticlePage.Outlet(
                            e.alert().articleId(), e.alert().sourceId(), e.alert().title(), e.alert().url())));
            for (ViolationRecord r : sources.ledger().asMap().values()) {
                if (stories.contains(r.storyId())) {
                    r.reports().stream().filter(p -> !id.equals(p.articleId())).forEach(p -> story.putIfAbsent(
                            p.articleId(), new ArticlePage.Outlet(p.articleId(), p.sourceId(), p.title(), p.url())));
                }
            }
        }
        String title = tagged.get().article().title();
        Console.html(ctx, "", title == null || title.isBlank() ? "(no headline)" : title,
                ArticlePage.render(tagged.get(), alerts, new ArrayList<>(story.values())));
    }

    // --- rules -------------------------------------------------------------------------------------------------

    private Map<String, String> liveRecords() {
        return new TreeMap<>(sources.rules().asMap());
    }

    void rules(Context ctx) {
        Map<String, String> records = liveRecords();
        // nothing pushed: the shipped rules are live, and their records are what "edit" opens
        Map<String, String> editable = records.isEmpty() ? shippedRecords() : records;
        Console.html(ctx, "/rules", "Rules", RulesPage.render(live(records), !records.isEmpty(),
                RulesPage.draftOf(editable, ctx.queryParam("edit")), csrf.apply(ctx)));
    }

    /** Reads the shipped rules now, off the request path, so that the first visit to the rules page is quick. */
    static void warmUp() {
        Thread t = new Thread(() -> shippedRecords().size(), "newswatch-console-rules-warm-up");
        t.setDaemon(true);
        t.start();
    }

    /** The shipped rules as records, read once: they cannot change while the console runs. */
    private static Map<String, String> shippedRecords() {
        return Shipped.RECORDS;
    }

    private static final class Shipped {
        static final Map<String, String> RECORDS = Map.copyOf(RuleRecords.split(RuleSet.defaultsText(),
                "the shipped rules"));
        static final RuleSet RULES = RuleSet.defaults();
    }

    /** The live rules: the records' merge (kept while the records stay the same), or the shipped rules. */
    private RuleSet live(Map<String, String> records) {
        if (records.isEmpty()) {
            return Shipped.RULES;
        }
        Map.Entry<Map<String, String>, RuleSet> cached = liveCache;
        if (cached != null && cached.getKey().equals(records)) {
            return cached.getValue();
        }
        RuleSet merged = RuleRecords.merge(records);
        liveCache = Map.entry(Map.copyOf(records), merged);
        return merged;
    }

    private volatile Map.Entry<Map<String, String>, RuleSet> liveCache;

    void checkRules(Context ctx) {
        respond(ctx, RulesPage.check(draft(ctx)));
    }

    /** The draft's records, or null after answering with its error (line:column). */
    private Map<String, String> draftRecords(Context ctx, String draft) {
        try {
            return RuleRecords.split(draft, "draft");
        } catch (RuleSetException e) {
            respond(ctx, RulesPage.check(draft));
            return null;
        }
    }

    void backtest(Context ctx) {
        String draft = draft(ctx);
        Map<String, String> draftRecords = draftRecords(ctx, draft);
        if (draftRecords == null) {
            return;
        }
        Instant until;
        Instant since;
        try {
            until = day(ctx.formParam("to"), Instant.now()).plus(Duration.ofDays(1));
            since = day(ctx.formParam("from"), until.minus(Duration.ofDays(30)));
        } catch (DateTimeParseException e) {
            respond(ctx, Layout.notice("error", "not a date (write 2024-03-01): " + e.getParsedString()));
            return;
        }
        if (!since.isBefore(until) || Duration.between(since, until).compareTo(MAX_BACKTEST) > 0) {
            respond(ctx, Layout.notice("error", "pick a range of one day to one year, its start before its end"));
            return;
        }
        Map<String, String> live = liveRecords();
        Map<String, String> merged = new TreeMap<>(live);
        merged.putAll(draftRecords);
        RuleSet liveRules = live(live);
        Tagger older = Tagger.withRules(liveRules);
        Tagger newer = Tagger.withRules(live.isEmpty() ? merge(liveRules, draft) : RuleRecords.merge(merged));
        Replay replay = new Replay(sources.client(), CLIENT + "-backtest");
        ReplayResult run = replay.run("console-backtest", newer, since, until, Duration.ofHours(72), null,
                (read, total) -> { }, () -> false);
        ReplayDiffResult diff = replay.diff(older, newer, since, until, (read, total) -> { }, () -> false);
        respond(ctx, RulesPage.backtest(run, diff, List.copyOf(draftRecords.keySet())));
    }

    /** The shipped rules with the draft's rules added or replaced, when nothing has been pushed yet. */
    private static RuleSet merge(RuleSet shipped, String draft) {
        Map<String, String> records = new TreeMap<>(shippedRecords());
        records.putAll(RuleRecords.split(draft, "draft"));
        return RuleRecords.merge(records);
    }

    void pushRules(Context ctx) {
        String draft = draft(ctx);
        Map<String, String> draftRecords = draftRecords(ctx, draft);
        if (draftRecords == null) {
            return;
        }
        long failing = RuleChecker.run(RuleSet.parse(draft, "draft", null)).stream().filter(o -> !o.passed()).count();
        if (failing > 0) {
            respond(ctx, Layout.notice("error", failing + " example(s) fail; nothing was pushed.")
                    + RulesPage.check(draft));
            return;
        }
        Map<String, String> live = liveRecords();
        if (!"yes".equals(ctx.formParam("confirm"))) {
            respond(ctx, RulesPage.confirmPush(live, draftRecords, csrf.apply(ctx), draft));
            return;
        }
        Map<String, String> merged = new TreeMap<>(live.isEmpty() ? shippedRecords() : live);
        merged.putAll(draftRecords);
        var result = CompactedTopicWriter.sync(sources.client(), CLIENT + "-rules", Topics.RULES, merged);
        respond(ctx, Layout.notice("ok", "Pushed to " + Topics.RULES.name() + ": " + result));
    }

    private static String draft(Context ctx) {
        String d = ctx.formParam("draft");
        return d == null ? "" : d;
    }

    private static Instant day(String value, Instant otherwise) {
        return value == null || value.isBlank() ? otherwise
                : LocalDate.parse(value.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** A fragment to htmx, or the fragment inside the rules page to a browser without scripts. */
    private void respond(Context ctx, String fragment) {
        if (ctx.header("HX-Request") != null) {
            ctx.contentType("text/html; charset=utf-8").result(fragment);
        } else {
            Console.html(ctx, "/rules", "Rules", fragment + "<p><a href=\"/rules\">Back to the rules</a></p>");
        }
    }

    // --- silences ----------------------------------------------------------------------------------------------

    void silences(Context ctx) {
        String alertId = ctx.queryParam("alert");
        Alert from = alertId == null ? null : sources.feed().newest(a -> alertId.equals(a.id()), 1).stream()
                .map(e -> e.alert()).findFirst().orElse(null);
        String set = ctx.queryParam("set");
        String expired = ctx.queryParam("expired");
        Silence done = sources.silences().get(set != null ? set : expired);
        String notice = done == null ? null : set != null
                ? Layout.notice("ok", "Silence " + done.id() + " set until " + Layout.time(done.endsAt()) + ".")
                : Layout.notice("ok", "Silence " + done.id() + " expired.");
        showSilences(ctx, from, Map.of(), notice);
    }

    private void showSilences(Context ctx, Alert from, Map<String, String> values, String notice) {
        List<Silence> all = sources.silences().all(io.newswatch.alerts.silence.Silences.NEWEST_FIRST);
        Console.html(ctx, "/silences", "Silences", (notice == null ? "" : notice)
                + SilencesPage.render(all, Instant.now(), from, values, csrf.apply(ctx)));
    }

    void addSilence(Context ctx) {
        Map<String, String> form = new HashMap<>();
        for (String key : List.of("rule", "source", "severity", "tags", "entities", "hours", "comment")) {
            String v = ctx.formParam(key);
            form.put(key, v == null ? "" : v);
        }
        try {
            int hours = Integer.parseInt(form.get("hours"));
            if (hours < 1 || hours > 24 * 366) {
                throw new IllegalArgumentException("a silence lasts from 1 hour to a year");
            }
            Instant now = Instant.now();
            Silence s = new Silence(Silence.newId(), SilencesPage.conditions(form), now,
                    now.plus(Duration.ofHours(hours)), form.get("comment").strip(), "console " + Silence.currentUser(),
                    now);
            SilenceWriter.add(sources.client(), CLIENT, s);
            sources.silences().awaitCaughtUp(Duration.ofSeconds(5));
            // Post/Redirect/Get: a reload of the page that follows does not set the silence again
            ctx.redirect("/silences?set=" + Layout.url(s.id()), HttpStatus.SEE_OTHER);
        } catch (IllegalArgumentException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            showSilences(ctx, null, form, Layout.notice("error", e.getMessage()));
        }
    }

    void expireSilence(Context ctx) {
        String id = ctx.pathParam("id");
        Optional<Silence> s = SilenceWriter.expire(sources.client(), CLIENT, id, Instant.now());
        if (s.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND);
            showSilences(ctx, null, Map.of(), Layout.notice("error", "No silence " + id + "."));
            return;
        }
        sources.silences().awaitCaughtUp(Duration.ofSeconds(5));
        ctx.redirect("/silences?expired=" + Layout.url(id), HttpStatus.SEE_OTHER);
    }

    // --- sources and dead letters ------------------------------------------------------------------------------

    void sources(Context ctx) {
        List<SourcesPage.DeadLetterList> lists = new ArrayList<>();
        for (var topic : DeadLetters.DEAD_LETTER_TOPICS) {
            try {
                lists.add(new SourcesPage.DeadLetterList(topic.name(),
                        new DeadLetters(sources.client(), CLIENT + "-dlq", topic).read(DeadLetters.Filter.ALL), null));
            } catch (RuntimeException e) {
                lists.add(new SourcesPage.DeadLetterList(topic.name(), List.of(), e.getMessage()));
            }
        }
        Console.html(ctx, "/sources", "Sources and dead letters", SourcesPage.render(
                sources.status().all(Comparator.comparing(io.newswatch.model.SourceStatus::id)),
                sources.status().loaded(), lists, csrf.apply(ctx)));
    }

    void redrive(Context ctx) {
        var topic = DeadLetters.DEAD_LETTER_TOPICS.stream().filter(t -> t.name().equals(ctx.formParam("topic")))
                .findFirst().orElse(null);
        long offset;
        try {
            offset = Long.parseLong(String.valueOf(ctx.formParam("offset")));
        } catch (NumberFormatException e) {
            offset = -1;
        }
        if (topic == null || offset < 0) {
            ctx.status(HttpStatus.BAD_REQUEST);
            Console.html(ctx, "/sources", "Re-drive", Layout.notice("error", "no such dead letter"));
            return;
        }
        DeadLetters dlq = new DeadLetters(sources.client(), CLIENT + "-dlq", topic);
        List<DeadLetters.Letter> letters = dlq.read(new DeadLetters.Filter(null, null, offset, offset));
        if (letters.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND);
            Console.html(ctx, "/sources", "Re-drive", Layout.notice("error", "no dead letter at offset " + offset
                    + " of " + topic.name()));
            return;
        }
        if (!"yes".equals(ctx.formParam("confirm"))) {
            Console.html(ctx, "/sources", "Re-drive a dead letter", SourcesPage.confirm(topic.name(), letters.get(0),
                    csrf.apply(ctx)));
            return;
        }
        DeadLetters.RedriveReport report = dlq.redrive(letters, false);
        String outcome = !report.sent().isEmpty() ? Layout.notice("ok", "Sent back to "
                + report.sent().get(0).topic() + " (partition " + report.sent().get(0).partition() + ", offset "
                + report.sent().get(0).offset() + ").")
                : Layout.notice("error", "Not sent: " + (report.refused().isEmpty() ? report.failed().get(0).reason()
                : report.refused().get(0).reason()));
        Console.html(ctx, "/sources", "Re-drive", outcome + "<p><a href=\"/sources\">Back to sources</a></p>");
    }
}
