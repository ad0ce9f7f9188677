package io.newswatch.benchmarks;

import io.newswatch.tagger.TagResult;
import io.newswatch.tagger.Tagger;
import java.io.Closeable;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.QueryMatch;

/**
 * Everything the benchmark measures, built once: the corpus, a tagger with the default rules, a tagger with the
 * default plus 1,000 generated rules, and the Lucene Monitor reference with the corpus as Lucene documents.
 *
 * <p>Contract: {@link #build()} is deterministic and takes a few seconds; {@link #coverage()} tags the whole corpus
 * once with each contender and reports how much each matched, so that a run can show that the rules did real work
 * (and fail fast when they did not). Close it to release the Lucene monitor.
 */
public final class BenchmarkFixture implements Closeable {
    private final TaggerCorpus corpus;
    private final String[] articles;
    private final Document[] documents;
    private final Tagger defaultTagger;
    private final Tagger thousandTagger;
    private final LuceneMonitorReference lucene;

    private BenchmarkFixture(TaggerCorpus corpus, Tagger defaultTagger, Tagger thousandTagger,
                             LuceneMonitorReference lucene) {
        this.corpus = corpus;
        this.articles = corpus.articles().toArray(new String[0]);
        this.documents = new Document[articles.length];
        for (int i = 0; i < articles.length; i++) {
            documents[i] = LuceneMonitorReference.document(articles[i]);
        }
        this.defaultTagger = defaultTagger;
        this.thousandTagger = thousandTagger;
        this.lucene = lucene;
    }

    /** Builds the standard corpus, both taggers and the Lucene reference. */
    public static BenchmarkFixture build() {
        return new BenchmarkFixture(TaggerCorpus.standard(), Tagger.withDefaultRules(),
                Tagger.withRules(GeneratedRules.standard()), LuceneMonitorReference.create());
    }

    /** How much each contender matched on the whole corpus. */
    public record Coverage(int articles, int taggedByDefault, int defaultRuleMatches, Map<String, Integer> defaultByRule,
                           int withEvents, int events, int taggedByThousand, int thousandRuleMatches, int generatedRulesThatMatched,
                           int matchedByLucene, int luceneQueryMatches, Map<String, Integer> luceneByRule) {
        /**
         * @throws IllegalStateException when the default rules or the Lucene queries match nothing: the
         *                               comparison would then measure idle engines
         */
        public Coverage requireWork() {
            if (taggedByDefault == 0 || matchedByLucene == 0) {
                throw new IllegalStateException("the corpus gives no work: " + this);
            }
            return this;
        }
    }

    /** Tags the corpus once with each contender. */
    public Coverage coverage() {
        int taggedByDefault = 0;
        int defaultMatches = 0;
        int withEvents = 0;
        int events = 0;
        int taggedByThousand = 0;
        int thousandMatches = 0;
        int matchedByLucene = 0;
        int luceneMatches = 0;
        Map<String, Integer> defaultByRule = new TreeMap<>();
        Map<String, Integer> luceneByRule = new TreeMap<>();
        Set<String> generatedMatched = new HashSet<>();
        for (int i = 0; i < articles.length; i++) {
            TagResult d = defaultTagger.tag(articles[i]);
            taggedByDefault += d.rules().isEmpty() ? 0 : 1;
            defaultMatches += d.rules().size();
            d.rules().forEach(r -> defaultByRule.merge(r, 1, Integer::sum));
            withEvents += d.events().isEmpty() ? 0 : 1;
            events += d.events().size();
            TagResult t = thousandTagger.tag(articles[i]);
            taggedByThousand += t.rules().isEmpty() ? 0 : 1;
            thousandMatches += t.rules().size();
            t.rules().stream().filter(r -> r.startsWith("gen-")).forEach(generatedMatched::add);
            MatchingQueries<QueryMatch> l = lucene.matchOrThrow(documents[i]);
            matchedByLucene += l.getMatchCount() == 0 ? 0 : 1;
            luceneMatches += l.getMatchCount();
            l.getMatches().forEach(m -> luceneByRule.merge(m.getQueryId(), 1, Integer::sum));
        }
        return new Coverage(articles.length, taggedByDefault, defaultMatches, defaultByRule, withEvents, events,
                taggedByThousand,
                thousandMatches, generatedMatched.size(), matchedByLucene, luceneMatches, luceneByRule);
    }

    /** The corpus. */
    public TaggerCorpus corpus() {
        return corpus;
    }

    /** The articles, in corpus order; the array is shared, do not modify it. */
    public String[] articles() {
        return articles;
    }

    /** The articles as Lucene documents, index for index; shared, do not modify. */
    public Document[] documents() {
        return documents;
    }

    /** The tagger with the shipped default rules. */
    public Tagger defaultTagger() {
        return defaultTagger;
    }

    /** The tagger with the default rules plus {@value GeneratedRules#DEFAULT_COUNT} generated ones. */
    public Tagger thousandTagger() {
        return thousandTagger;
    }

    /** The Lucene Monitor reference. */
    public LuceneMonitorReference lucene() {
        return lucene;
    }

    @Override
    public void close() {
        lucene.close();
    }
}
