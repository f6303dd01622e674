package io.watchpost.core.api;

/**
 * A service a module hosts, named by its AWS endpoint prefix ({@code monitoring}, {@code logs}, {@code events},
 * {@code schemas}, {@code xray}, {@code cloudtrail}); the server routes that service's calls to its handlers.
 */
public interface WatchpostService {
    String endpointPrefix();

    ApiHandlers handlers();

    /** Drops derived in-memory state after the state journal was wiped (development reset). */
    default void afterReset() {}
}
