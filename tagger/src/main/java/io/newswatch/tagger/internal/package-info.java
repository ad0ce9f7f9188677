/**
 * The tagging engine's machinery: the term automaton, the document index, compiled query nodes and the YAML
 * reader behind rule and entity files. Not API: any class here may change or disappear between versions; use
 * {@link io.newswatch.tagger.Tagger} and {@link io.newswatch.tagger.RuleSet} instead.
 */
package io.newswatch.tagger.internal;
