package io.watchpost.cloudwatch.tsdb;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One metric series of one account and region: namespace, metric name and dimensions (ordered by name). The unit is
 * not part of the identity: a series holds cells per unit, as CloudWatch keeps the unit of every datapoint.
 */
public record SeriesKey(String accountId, String region, String namespace, String metricName,
        SortedMap<String, String> dimensions) {
    public SeriesKey {
        requireNonNull(accountId, "accountId is null");
        requireNonNull(region, "region is null");
        requireNonNull(namespace, "namespace is null");
        requireNonNull(metricName, "metricName is null");
        dimensions = Collections.unmodifiableSortedMap(new TreeMap<>(dimensions));
    }

    public static SeriesKey of(String accountId, String region, String namespace, String metricName,
            Map<String, String> dimensions) {
        return new SeriesKey(accountId, region, namespace, metricName, new TreeMap<>(dimensions));
    }

    /**
     * A string that orders series by namespace, metric name, then dimensions, and identifies the series within its
     * scope: the position ListMetrics pages by. Fields are separated by characters that cannot occur in them.
     */
    public String sortKey() {
        StringBuilder key = new StringBuilder(namespace).append('\u0000').append(metricName);
        dimensions.forEach((name, value) -> key.append('\u0000').append(name).append('\u0001').append(value));
        return key.toString();
    }
}
