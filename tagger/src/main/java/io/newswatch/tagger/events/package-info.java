/**
 * Violation events: what a text tagged {@code sanctions-violation} says moved, from which state to which, how much,
 * by which route and ship, under which UN Security Council resolution, and whether it happened
 * ({@link io.newswatch.model.ViolationEvent}).
 */
package io.newswatch.tagger.events;
