package io.watchpost.cloudwatch.metrics;

import java.util.Map;
import java.util.TreeMap;

/** The tags of one CloudWatch resource, persisted in the {@code cloudwatch-tags} table keyed by the resource ARN. */
record TagRecord(Map<String, String> tags) {
    TagRecord {
        tags = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(tags == null ? Map.of() : tags));
    }
}
