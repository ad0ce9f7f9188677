/**
 * What the commands share: configuration options, the Kafka connection, the runtimes of the services, the HTTP
 * endpoints, progress and error reporting. Not an API: nothing outside the {@code cli} module may use this package.
 */
package io.newswatch.cli.internal;
