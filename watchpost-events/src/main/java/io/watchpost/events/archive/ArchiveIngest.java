package io.watchpost.events.archive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.watchpost.core.Scope;
import io.watchpost.events.pattern.EventMatcher;
import io.watchpost.events.pattern.EventPattern;
import io.watchpost.store.StateTable;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes accepted events into the archives of their bus. The archives of each (scope, bus) are held as an immutable
 * list of compiled patterns, republished by {@link #rebuild()} after every definition change (under the service's
 * lock), so the PutEvents thread reads them without locking.
 */
final class ArchiveIngest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Matcher(String directory, EventPattern pattern) {}

    private final StateTable<ArchiveRecord> archives;
    private final ArchiveLogs logs;
    private final Map<String, List<Matcher>> matchers = new ConcurrentHashMap<>();

    ArchiveIngest(StateTable<ArchiveRecord> archives, ArchiveLogs logs) {
        this.archives = archives;
        this.logs = logs;
        rebuild();
    }

    /** The PutEvents hot path: one lookup, one match per archive of the bus, one serialization when any matches. */
    void archive(Scope scope, String bus, ObjectNode event, Instant at) {
        List<Matcher> candidates = matchers.get(scope.key(bus));
        if (candidates == null) {
            return;
        }
        String json = null;
        for (Matcher matcher : candidates) {
            if (matcher.pattern() == null || EventMatcher.matches(matcher.pattern(), event)) {
                json = json != null ? json : write(event);
                logs.append(matcher.directory(), at.toEpochMilli(), event.path("id").asText(), json);
            }
        }
    }

    void rebuild() {
        Map<String, List<Matcher>> next = new ConcurrentHashMap<>();
        archives.view().forEach((key, archive) -> {
            String scopeBus = key.substring(0, key.length() - archive.name().length()) + archive.busName();
            EventPattern pattern = archive.eventPattern() == null ? null : EventPattern.compile(archive.eventPattern());
            next.computeIfAbsent(scopeBus, k -> new ArrayList<>()).add(new Matcher(archive.directory(), pattern));
        });
        matchers.keySet().retainAll(next.keySet());
        next.forEach((k, list) -> matchers.put(k, List.copyOf(list)));
    }

    private static String write(ObjectNode event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
