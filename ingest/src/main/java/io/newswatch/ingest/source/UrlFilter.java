package io.newswatch.ingest.source;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A source's {@code include} and {@code exclude} URL patterns (Java regular expressions, matched with
 * {@link java.util.regex.Matcher#find()}, so a pattern matches anywhere in the URL unless anchored).
 *
 * <p>Contract: a URL is accepted when no exclude pattern matches it and, if include patterns are given, at least one
 * of them does; exclude wins over include. Equality compares the pattern strings, so sources compare by value.
 */
public final class UrlFilter {
    /** No patterns: accepts everything. */
    public static final UrlFilter NONE = new UrlFilter(List.of(), List.of());

    private final List<Pattern> include;
    private final List<Pattern> exclude;

    /** @throws java.util.regex.PatternSyntaxException for a bad pattern (SourcesFile reports it with a position) */
    public static UrlFilter of(List<String> include, List<String> exclude) {
        return new UrlFilter(include.stream().map(Pattern::compile).toList(),
                exclude.stream().map(Pattern::compile).toList());
    }

    private UrlFilter(List<Pattern> include, List<Pattern> exclude) {
        this.include = List.copyOf(include);
        this.exclude = List.copyOf(exclude);
    }

    /** Whether the URL passes: not excluded, and included when include patterns exist. */
    public boolean accepts(String url) {
        if (url == null) {
            return false;
        }
        for (Pattern p : exclude) {
            if (p.matcher(url).find()) {
                return false;
            }
        }
        return include.isEmpty() || included(url);
    }

    /** Whether an include pattern matches the URL (false when there are none). */
    public boolean included(String url) {
        for (Pattern p : include) {
            if (p.matcher(url).find()) {
                return true;
            }
        }
        return false;
    }

    public boolean hasIncludes() {
        return !include.isEmpty();
    }

    public List<String> include() {
        return include.stream().map(Pattern::pattern).toList();
    }

    public List<String> exclude() {
        return exclude.stream().map(Pattern::pattern).toList();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UrlFilter f && include().equals(f.include()) && exclude().equals(f.exclude());
    }

    @Override
    public int hashCode() {
        return include().hashCode() * 31 + exclude().hashCode();
    }

    @Override
    public String toString() {
        return "UrlFilter[include=" + include() + ", exclude=" + exclude() + "]";
    }
}
