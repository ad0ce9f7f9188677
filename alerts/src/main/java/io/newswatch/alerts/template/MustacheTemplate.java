package io.newswatch.alerts.template;

import com.samskivert.mustache.BasicCollector;
import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One template file compiled by JMustache, checked when it is loaded so that rendering it cannot fail.
 *
 * <p>The compiler is strict: a variable or section name that resolves to nothing throws instead of rendering
 * empty (no default value; strict sections). Contexts are maps ({@link AlertContext}) and nothing is looked up by
 * reflection, so a name means a key and nothing else. Empty strings and zero are false in sections, so
 * {@code {{#update}}...{{/update}}} shows only for an update. HTML templates escape every variable with JMustache's
 * HTML escaper except {@link Html} values; text templates escape nothing.
 *
 * <p>Load-time checks, each an {@link IllegalArgumentException} whose message starts with the template's file: a
 * {@code {{} that is never closed (JMustache would keep it as text), a partial, a block or a change of
 * delimiters (not supported), a raw {@code {{{name}}}} or {@code {{&name}}} of a value that is not markup in an
 * HTML template, what JMustache refuses to parse (an unclosed section, say), and a name the context does not have,
 * found by rendering the template against samples that enter every section ({@link AlertContext#alertSamples()}).
 * Compiled templates are immutable and thread-safe.
 */
final class MustacheTemplate {
    /** Maps only: lists and strings never answer a name, so a misspelt one is an error, not a method call. */
    private static final Mustache.Collector MAPS_ONLY = new BasicCollector() {
        @Override
        public <K, V> Map<K, V> createFetcherCache() {
            return new ConcurrentHashMap<>();
        }
    };
    private static final Mustache.Formatter KEEP_MARKUP = value -> value instanceof Html html ? html
            : String.valueOf(value);
    private static final Mustache.Escaper HTML_BUT_MARKUP = new Mustache.Escaper() {
        @Override
        public String escape(String raw) {
            return Escapers.HTML.escape(raw);
        }

        @Override
        public CharSequence escape(CharSequence raw) {
            return raw instanceof Html ? raw : Escapers.HTML.escape(raw.toString());
        }
    };
    private static final Mustache.Compiler STRICT = Mustache.compiler().withCollector(MAPS_ONLY)
            .strictSections(true).emptyStringIsFalse(true).zeroIsFalse(true).withFormatter(KEEP_MARKUP);
    private static final Mustache.Compiler TEXT = STRICT.withEscaper(Escapers.NONE);
    private static final Mustache.Compiler HTML = STRICT.withEscaper(HTML_BUT_MARKUP);

    private final String source;
    private final Template template;

    private MustacheTemplate(String source, Template template) {
        this.source = source;
        this.template = template;
    }

    /**
     * Compiles and checks a template.
     *
     * @param source  what to call the template in errors: its file path, or its name for a built-in one
     * @param text    the template
     * @param html    whether it is an HTML template (escaping, and raw tags only for markup)
     * @param samples contexts to render it against, between them entering every section it can have
     * @param known   the names it may use, as an error message lists them
     * @throws IllegalArgumentException when a check fails; the message starts with {@code template <source>:}
     */
    static MustacheTemplate compile(String source, String text, boolean html, List<Map<String, Object>> samples,
            String known) {
        checkTags(source, text, html);
        Template template;
        try {
            template = (html ? HTML : TEXT).compile(text);
        } catch (MustacheException e) {
            throw new IllegalArgumentException("template " + source + ": " + e.getMessage(), e);
        }
        for (Map<String, Object> sample : samples) {
            try {
                template.execute(sample);
            } catch (MustacheException.Context e) {
                throw new IllegalArgumentException("template " + source + ": unknown name {{" + e.key
                        + "}} at line " + e.lineNo + "; known: " + known, e);
            } catch (MustacheException e) {
                throw new IllegalArgumentException("template " + source + ": " + e.getMessage(), e);
            }
        }
        return new MustacheTemplate(source, template);
    }

    /**
     * Renders the template.
     *
     * @throws IllegalStateException when the context lacks a name the template uses: the load-time check rules that
     *                               out for contexts built by {@link AlertContext}, so it means a bug, not bad input
     */
    String render(Map<String, Object> context) {
        try {
            return template.execute(context);
        } catch (MustacheException e) {
            throw new IllegalStateException("template " + source + ": " + e.getMessage(), e);
        }
    }

    /**
     * The checks JMustache does not make: it keeps a tag it cannot read as literal text, where a user who wrote one
     * wants an error, and it would run partials and delimiter changes these templates do not support.
     */
    private static void checkTags(String source, String text, boolean html) {
        int at = 0;
        for (int open = text.indexOf("{{", at); open >= 0; open = text.indexOf("{{", at)) {
            boolean comment = text.startsWith("{{!", open);
            boolean triple = !comment && text.startsWith("{{{", open);
            String close = triple ? "}}}" : "}}";
            int start = open + (triple ? 3 : 2);
            int end = text.indexOf(close, start);
            String body = end < 0 ? null : text.substring(start, end);
            if (body == null || !comment && !isOneTag(body)) {
                throw new IllegalArgumentException("template " + source + ": '" + (triple ? "{{{" : "{{")
                        + "' at line " + line(text, open) + " is never closed with '" + close + "'");
            }
            at = end + close.length();
            String written = text.substring(open, at);
            if (comment) {
                continue;
            }
            String tag = body.strip();
            char kind = tag.charAt(0);
            if (kind == '>' || kind == '<' || kind == '$' || kind == '=') {
                throw new IllegalArgumentException("template " + source + ": " + written + " at line "
                        + line(text, open) + ": partials, blocks and changes of delimiters are not supported");
            }
            String raw = triple ? tag : kind == '&' ? tag.substring(1).strip() : null;
            if (html && raw != null && !AlertContext.MARKUP_NAMES.contains(raw)) {
                throw new IllegalArgumentException("template " + source + ": " + written + " at line "
                        + line(text, open) + " would put " + raw + " into HTML unescaped; only "
                        + sorted(AlertContext.MARKUP_NAMES) + " may be written raw");
            }
        }
    }

    /** A tag's text is one line without braces and not blank; else JMustache would not read it as a tag. */
    private static boolean isOneTag(String body) {
        return !body.isBlank() && body.chars().noneMatch(c -> c == '{' || c == '}' || c == '\n' || c == '\r');
    }

    private static int line(String text, int index) {
        return (int) text.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
    }

    static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }
}
