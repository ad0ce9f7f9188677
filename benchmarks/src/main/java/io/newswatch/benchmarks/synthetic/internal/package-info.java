/**
 * The synthetic news generator's machinery: sentence templates and slot words, the kinds of sentence that carry
 * what an article should match, the article profiles a mix is made of, and the writing and copy-editing of one
 * story. Not API: any class here may change between versions; use
 * {@link io.newswatch.benchmarks.synthetic.SyntheticArticles} and {@link io.newswatch.benchmarks.synthetic.Mix}.
 */
package io.newswatch.benchmarks.synthetic.internal;
