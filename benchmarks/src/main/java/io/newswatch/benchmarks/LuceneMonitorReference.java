package io.newswatch.benchmarks;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.queries.intervals.IntervalQuery;
import org.apache.lucene.queries.intervals.Intervals;
import org.apache.lucene.queries.intervals.IntervalsSource;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * The reference the engine is measured against: an Apache Lucene {@link Monitor} loaded with queries equivalent to
 * the default ruleset's rules, written as a Lucene user would write them.
 *
 * <p>Equivalence, approximate where Lucene has no counterpart: an entity is the OR of its aliases minus its exclusions
 * ({@link LuceneQueries}); "same sentence" is all parts unordered within {@value #SENTENCE_WIDTH} positions, "same
 * paragraph" within {@value #PARAGRAPH_WIDTH}; {@code a NEAR/n b} is {@code a} and {@code b} with at most
 * {@code n - 1} words between them ({@code ONEAR} the same, ordered); a wildcard is a prefix; a {@code NOT} inside a
 * sentence is "none of these words within {@value #SENTENCE_NOT_REACH} positions", the closest interval operator
 * (a document-wide NOT would be a {@link Occur#MUST_NOT} clause, but no default rule has one). The
 * {@code sanctions-violation} rule is a {@link BooleanQuery} of the six kinds, which the Monitor decomposes into
 * disjuncts as it does for any OR. Documents are analysed by the standard tokenizer, English possessive removal and
 * lower-casing, as are the query words.
 *
 * <p>{@link #match} is what one benchmark operation does; it may be called from several threads, as
 * {@link Monitor#match} may. {@link #close} once, after the last match.
 */
public final class LuceneMonitorReference implements Closeable {
    /** The document field the article goes into. */
    public static final String FIELD = "text";
    /** Positions standing for "in the same sentence". */
    public static final int SENTENCE_WIDTH = 25;
    /** Positions standing for "in the same paragraph". */
    public static final int PARAGRAPH_WIDTH = 80;
    /** Reach of a sentence-level NOT, in positions either side of the match. */
    public static final int SENTENCE_NOT_REACH = 10;
    /** Lucene's limit on the terms of one query, raised for the largest rule. */
    static final int MAX_CLAUSES = 16_384;

    private final Analyzer analyzer;
    private final Monitor monitor;
    private final Map<String, Query> queries;

    private LuceneMonitorReference(Analyzer analyzer, Monitor monitor, Map<String, Query> queries) {
        this.analyzer = analyzer;
        this.monitor = monitor;
        this.queries = queries;
    }

    /** Builds the analyzer, translates the default rules and registers them in a new in-memory {@link Monitor}. */
    public static LuceneMonitorReference create() {
        // a rule holds several entities and word lists, over 1,024 terms in all: Lucene's default clause limit
        IndexSearcher.setMaxClauseCount(Math.max(IndexSearcher.getMaxClauseCount(), MAX_CLAUSES));
        Analyzer analyzer = analyzer();
        Map<String, Query> queries = queries(new LuceneQueries(analyzer, FIELD));
        try {
            Monitor monitor = new Monitor(analyzer);
            List<MonitorQuery> monitorQueries = new ArrayList<>();
            queries.forEach((id, q) -> monitorQueries.add(new MonitorQuery(id, q)));
            monitor.register(monitorQueries);
            return new LuceneMonitorReference(analyzer, monitor, queries);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the Lucene monitor", e);
        }
    }

    /** Standard tokenizer, then "Russia's" to "Russia", then lower case. */
    static Analyzer analyzer() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new StandardTokenizer();
                TokenStream stream = new EnglishPossessiveFilter(tokenizer);
                return new TokenStreamComponents(tokenizer, new LowerCaseFilter(stream));
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new LowerCaseFilter(in);
            }
        };
    }

    /** The rules, by the default ruleset's rule ids, in that file's order. */
    static Map<String, Query> queries(LuceneQueries q) {
        IntervalsSource ru = q.entity("RU");
        IntervalsSource kp = q.entity("KP");
        IntervalsSource cn = q.entity("CN");
        IntervalsSource nothing = q.list("NOTHING_HAPPENED");
        IntervalsSource banTalk = q.list("BAN_TALK");
        IntervalsSource kpOrRu = LuceneQueries.any(kp, ru);

        IntervalsSource explicitBreach = paragraph(kpOrRu, without(
                sentence(Intervals.maxgaps(7, Intervals.unordered(q.list("SANCTIONS"), q.list("BREACH")))),
                q.list("ENFORCEMENT"), q.list("OTHER_VIOLATIONS"), nothing));
        IntervalsSource arms = q.list("ARMS");
        IntervalsSource kpThenArms = Intervals.maxgaps(1, Intervals.ordered(kp, arms));
        IntervalsSource armsTransfer = without(
                sentence(kp, arms, LuceneQueries.any(q.list("TRANSFER"),
                        Intervals.unordered(kpThenArms, ru, q.list("USED")))),
                nothing, banTalk, q.phrase("arms control"));
        IntervalsSource technologyTransfer = without(
                sentence(kp, q.list("TECHNOLOGY"), q.list("TRANSFER")), nothing, banTalk);
        IntervalsSource labour = without(
                sentence(Intervals.maxgaps(3, Intervals.unordered(kp, q.list("WORKERS"))), q.list("ABROAD")),
                q.list("WORKERS_GONE"), banTalk, nothing);
        IntervalsSource maritime = LuceneQueries.any(
                paragraph(kp, without(q.list("STS"), nothing, banTalk)),
                without(sentence(Intervals.maxgaps(2, Intervals.unordered(kp, q.list("VESSELS"))),
                        q.list("SHIP_DEEDS")), nothing, banTalk));
        IntervalsSource finance = LuceneQueries.any(
                paragraph(kpOrRu, without(sentence(q.list("FUEL"), q.list("CAP"), q.list("OVER")), nothing, banTalk)),
                without(sentence(kp, q.list("BANNED_EXPORTS"), q.anyOf("export*", "import*", "smuggl*", "shipped",
                        "shipment*", "sold", "sell", "sells", "selling", "deliver*", "transfer*", "transport*",
                        "bought", "buying", "purchas*")), nothing, banTalk, q.item("banned")));

        Map<String, Query> rules = new LinkedHashMap<>();
        rules.put("ru-kp", query(sentence(ru, kp)));
        rules.put("cn-kp", query(sentence(cn, kp)));
        rules.put("ru-cn", query(sentence(ru, cn)));
        rules.put("triangle", query(paragraph(ru, kp, cn)));
        BooleanQuery.Builder anyKind = new BooleanQuery.Builder();
        for (IntervalsSource kind : List.of(explicitBreach, armsTransfer, technologyTransfer, labour, maritime,
                finance)) {
            anyKind.add(query(kind), Occur.SHOULD);
        }
        rules.put("sanctions-violation", anyKind.build());
        rules.put("sanctions-explicit-breach", query(explicitBreach));
        rules.put("sanctions-arms", query(armsTransfer));
        rules.put("sanctions-technology", query(technologyTransfer));
        rules.put("sanctions-labour", query(labour));
        rules.put("sanctions-maritime", query(maritime));
        rules.put("sanctions-finance", query(finance));
        return rules;
    }

    private static IntervalsSource sentence(IntervalsSource... parts) {
        return Intervals.maxwidth(SENTENCE_WIDTH, parts.length == 1 ? parts[0] : Intervals.unordered(parts));
    }

    private static IntervalsSource paragraph(IntervalsSource... parts) {
        return Intervals.maxwidth(PARAGRAPH_WIDTH, Intervals.unordered(parts));
    }

    /** {@code match AND NOT any of excluded}, inside the sentence the match stands in. */
    private static IntervalsSource without(IntervalsSource match, IntervalsSource... excluded) {
        return Intervals.notWithin(match, SENTENCE_NOT_REACH, LuceneQueries.any(excluded));
    }

    private static Query query(IntervalsSource source) {
        return new IntervalQuery(FIELD, source);
    }

    /** A Lucene document holding the article in {@link #FIELD}; build once, match many times. */
    public static Document document(String article) {
        Document doc = new Document();
        doc.add(new TextField(FIELD, article, Field.Store.NO));
        return doc;
    }

    /**
     * Runs every registered query against one document: one benchmark operation. A query that fails is reported
     * by the Monitor in {@link MatchingQueries#getErrors()}, not thrown; see {@link #matchOrThrow}.
     */
    public MatchingQueries<QueryMatch> match(Document document) {
        try {
            return monitor.match(document, QueryMatch.SIMPLE_MATCHER);
        } catch (IOException e) {
            throw new UncheckedIOException("Lucene monitor failed", e);
        }
    }

    /**
     * Like {@link #match}, for checks outside the measurement.
     *
     * @throws IllegalStateException when a query failed on the document
     */
    public MatchingQueries<QueryMatch> matchOrThrow(Document document) {
        MatchingQueries<QueryMatch> matches = match(document);
        if (!matches.getErrors().isEmpty()) {
            Map.Entry<String, Exception> first = matches.getErrors().entrySet().iterator().next();
            throw new IllegalStateException("Lucene query " + first.getKey() + " failed", first.getValue());
        }
        return matches;
    }

    /** The number of rules registered (before the Monitor decomposes disjunctions). */
    public int queryCount() {
        return queries.size();
    }

    /** The number of queries the Monitor actually runs, after splitting disjunctions. */
    public int disjunctCount() {
        try {
            return monitor.getDisjunctCount();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            monitor.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            analyzer.close();
        }
    }
}
