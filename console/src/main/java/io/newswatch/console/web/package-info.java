/**
 * How newswatch serves HTTP: {@link io.newswatch.console.web.WebServer} builds every server of the project (the
 * console, the operators' endpoints of the services, the demo news site) on Javalin with the same conventions.
 * An API for the other modules; it lives here because the console is the module that brings Javalin.
 */
package io.newswatch.console.web;
