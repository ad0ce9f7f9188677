/**
 * The one generator of synthetic English news articles, shared by the JMH tagger benchmark (this module) and the
 * CLI's {@code bench pipeline}, {@code bench replay} and {@code bench console} commands: deterministic by seed and
 * article number, sized in UTF-8 bytes, with a known share of articles that name a watched country or report a
 * sanctions breach ({@link io.newswatch.benchmarks.synthetic.Mix}). Needs the tagger's model classes and the story
 * fingerprint, never Kafka.
 */
package io.newswatch.benchmarks.synthetic;
