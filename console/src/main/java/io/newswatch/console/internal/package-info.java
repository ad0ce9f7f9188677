/**
 * The console's own parts: the feed of alerts it keeps from the alerts topic, and the HTML it renders from them.
 * Not an API: nothing outside the {@code console} module may use this package.
 */
package io.newswatch.console.internal;
