package io.newswatch.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.newswatch.tagger.RuleSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.queries.intervals.Intervals;
import org.apache.lucene.queries.intervals.IntervalsSource;
import org.apache.lucene.util.BytesRef;

/**
 * Translates the word lists of the default ruleset and the aliases of the default gazetteer into Lucene interval
 * sources, for {@link LuceneMonitorReference}.
 *
 * <p>Contract: reads the same files the engine reads ({@code default.yaml} and {@code entities.yaml} from the streams
 * jar), so the Lucene queries track the shipped rules' words. An item is analysed with the given analyzer: one token
 * becomes a term, several a phrase; a trailing {@code *} makes the last token a prefix; braces expand to every
 * alternative; an item {@code @XX} is the entity. An entity is the OR of its English, Russian and Ukrainian aliases,
 * minus those inside one of its exclusions (Korean and Chinese aliases are left out: Lucene's standard tokenizer
 * splits those scripts differently, and the corpus is English). Composite lists (queries rather than word lists)
 * are not translated here; {@link LuceneMonitorReference} writes them out by hand.
 */
final class LuceneQueries {
    private static final String ENTITIES_RESOURCE = "/io/newswatch/tagger/rules/entities.yaml";
    private static final List<String> ENTITY_LANGUAGES = List.of("en", "ru", "uk");
    private static final Pattern BRACES = Pattern.compile("\\{([^{}]*)}");

    private final Analyzer analyzer;
    private final String field;
    private final JsonNode lists;
    private final JsonNode entities;
    private final Map<String, IntervalsSource> entityCache = new HashMap<>();

    LuceneQueries(Analyzer analyzer, String field) {
        this.analyzer = analyzer;
        this.field = field;
        this.lists = readYaml(GeneratedRules.DEFAULT_RULES_RESOURCE).path("lists");
        this.entities = readYaml(ENTITIES_RESOURCE).path("entities");
    }

    /**
     * The OR of the items of a word list of the default ruleset.
     *
     * @throws IllegalArgumentException when the ruleset has no such word list
     */
    IntervalsSource list(String name) {
        JsonNode node = lists.path(name);
        if (!node.isArray()) {
            throw new IllegalArgumentException("the default ruleset has no word list " + name);
        }
        List<IntervalsSource> items = new ArrayList<>();
        for (JsonNode item : node) {
            items.add(item(item.asText()));
        }
        return any(items);
    }

    /**
     * Any alias of the entity ({@code RU}, {@code KP}, {@code CN}) that is not part of one of its exclusions.
     *
     * @throws IllegalArgumentException for an unknown code
     */
    IntervalsSource entity(String code) {
        return entityCache.computeIfAbsent(code, this::buildEntity);
    }

    private IntervalsSource buildEntity(String code) {
        for (JsonNode e : entities) {
            if (code.equals(e.path("code").asText())) {
                IntervalsSource aliases = any(items(e.path("aliases")));
                List<IntervalsSource> exclusions = items(e.path("exclusions"));
                return exclusions.isEmpty() ? aliases
                        : Intervals.notContainedBy(aliases, any(exclusions));
            }
        }
        throw new IllegalArgumentException("the gazetteer has no entity " + code);
    }

    /** The items of a gazetteer list, or of the English, Russian and Ukrainian lists of a per-language map. */
    private List<IntervalsSource> items(JsonNode node) {
        List<IntervalsSource> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> out.add(item(n.asText())));
        } else if (node.isObject()) {
            for (String language : ENTITY_LANGUAGES) {
                node.path(language).forEach(n -> out.add(item(n.asText())));
            }
        }
        return out;
    }

    /**
     * One list item or alias as written in the ruleset: a word, a phrase, either with a trailing {@code *} and with
     * {@code {a,b}} alternatives, or an entity reference {@code @XX}.
     */
    IntervalsSource item(String raw) {
        String text = raw.strip();
        if (text.startsWith("@")) {
            return entity(text.substring(1));
        }
        List<IntervalsSource> alternatives = new ArrayList<>();
        for (String variant : expandBraces(text)) {
            IntervalsSource source = phrase(variant);
            if (source != null) {
                alternatives.add(source);
            }
        }
        if (alternatives.isEmpty()) {
            throw new IllegalArgumentException("'" + raw + "' has no token to match");
        }
        return alternatives.size() == 1 ? alternatives.get(0) : any(alternatives);
    }

    /** Words as a term or a phrase; null when the analyzer leaves no token. */
    IntervalsSource phrase(String words) {
        boolean prefix = words.endsWith("*");
        List<String> tokens = tokens(prefix ? words.substring(0, words.length() - 1) : words);
        if (tokens.isEmpty()) {
            return null;
        }
        IntervalsSource[] parts = new IntervalsSource[tokens.size()];
        for (int i = 0; i < parts.length; i++) {
            boolean last = i == parts.length - 1;
            parts[i] = last && prefix ? Intervals.prefix(new BytesRef(tokens.get(i)))
                    : Intervals.term(tokens.get(i));
        }
        return parts.length == 1 ? parts[0] : Intervals.phrase(parts);
    }

    /** Words, each a term or prefix ({@code "shipment*"}), OR-ed. */
    IntervalsSource anyOf(String... words) {
        List<IntervalsSource> sources = new ArrayList<>();
        for (String w : words) {
            sources.add(item(w));
        }
        return any(sources);
    }

    /**
     * The OR of the sources, as it stands. Lucene's default OR is pulled up through the operators around it to
     * find minimal intervals, which multiplies big lists by each other (a rule of this ruleset grows to hundreds of
     * thousands of clauses) and turns "not inside any exclusion" into "not inside some exclusion".
     */
    static IntervalsSource any(List<IntervalsSource> sources) {
        return Intervals.or(false, sources);
    }

    /** {@link #any(List)} of the arguments. */
    static IntervalsSource any(IntervalsSource... sources) {
        return Intervals.or(false, sources);
    }

    private List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    /** "Коре{я,и} {a,b}" to every combination; the empty alternative is allowed ("sell{,s}"). */
    static List<String> expandBraces(String text) {
        Matcher m = BRACES.matcher(text);
        if (!m.find()) {
            return List.of(text);
        }
        List<String> out = new ArrayList<>();
        String head = text.substring(0, m.start());
        String tail = text.substring(m.end());
        for (String alternative : m.group(1).split(",", -1)) {
            out.addAll(expandBraces(head + alternative.strip() + tail));
        }
        return out;
    }

    private static JsonNode readYaml(String resource) {
        try (InputStream in = RuleSet.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
