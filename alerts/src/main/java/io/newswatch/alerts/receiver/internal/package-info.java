/**
 * Helpers of the HTTP receivers (webhook, Slack): reading at most a bounded prefix of a response body, so a hostile
 * or broken endpoint cannot make a receiver buffer without limit. Not an API: nothing outside the {@code alerts}
 * module may use this package.
 */
package io.newswatch.alerts.receiver.internal;
