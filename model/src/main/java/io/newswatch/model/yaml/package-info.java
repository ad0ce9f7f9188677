/**
 * The one YAML reader of newswatch: every file a user writes (configuration, sources, subscriptions, rules,
 * entities, the event lexicon) and every YAML record on a topic is read through {@link
 * io.newswatch.model.yaml.YamlTree}, which keeps the line and column of each node so that a mistake is reported
 * where it stands.
 */
package io.newswatch.model.yaml;
