/**
 * The steps of article extraction: metadata (JSON-LD, meta tags, markup), boilerplate removal, the main-text search,
 * the text writer and the fallbacks. Not an API: nothing outside the {@code ingest} module may use this package.
 */
package io.newswatch.ingest.extract.internal;
