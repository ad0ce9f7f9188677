package io.newswatch.model;

import java.util.List;

/**
 * The keys one article counts under in the hourly trend counts (the value on {@code news.trend.keys}): its entity
 * codes, then its tags, each once. The record's key is the article id and its timestamp the article's event time,
 * so the counting step reads neither the article nor its text.
 *
 * @param keys the counted keys, none null or empty
 */
public record TrendKeys(List<String> keys) {
    public TrendKeys {
        keys = List.copyOf(keys);
        for (String k : keys) {
            if (k.isEmpty()) {
                throw new IllegalArgumentException("a trend key must not be empty");
            }
        }
    }
}
