/**
 * newswatch's tagger: the gazetteer of entities, sentence and paragraph segmentation, the rule language, the
 * engine that tags a text with its evidence, and the violation events read from the sentences that state a breach
 *. Plain Java with no Kafka dependency, so the topology, the offline commands
 * and the benchmarks share one tagger.
 */
package io.newswatch.tagger;
