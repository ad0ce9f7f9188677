/** The machinery of the violation-event extractor: its lexicon, quantity grammar and sentence reading. */
package io.newswatch.tagger.events.internal;
