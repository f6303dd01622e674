/**
 * EventBridge event patterns on aws/event-ruler: compilation with AWS's validation messages and complexity limit
 * ({@link io.watchpost.events.pattern.EventPattern}) and single-event matching
 * ({@link io.watchpost.events.pattern.EventMatcher}).
 */
package io.watchpost.events.pattern;
