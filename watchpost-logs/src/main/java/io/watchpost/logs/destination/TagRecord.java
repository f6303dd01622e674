package io.watchpost.logs.destination;

import java.util.Map;

/** The tags of a non-log-group resource (a destination), keyed by its ARN in the {@code log-resource-tags} table. */
record TagRecord(Map<String, String> tags) {
    TagRecord {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }
}
