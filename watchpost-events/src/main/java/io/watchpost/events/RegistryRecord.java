package io.watchpost.events;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One custom schema registry as persisted in the {@code schemas.registries} state table, keyed by
 * {@code scope.key(name)}. {@code description} is {@code null} when absent.
 */
record RegistryRecord(String name, String description, Map<String, String> tags) {
    RegistryRecord {
        requireNonNull(name, "name is null");
        tags = tags == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(tags));
    }
}
