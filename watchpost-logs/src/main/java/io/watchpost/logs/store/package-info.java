/**
 * The log event store: stream definitions in the state journal, events in one record log per log group (one record
 * per ingested batch), an in-memory position index per stream rebuilt at startup. Format:
 * {@code docs/formats/log-events.md}. Entry point: {@link io.watchpost.logs.store.LogEventStore}.
 */
package io.watchpost.logs.store;
