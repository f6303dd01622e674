package io.watchpost.cloudwatch.math;

import static java.util.Objects.requireNonNull;

import java.util.List;
import software.amazon.awssdk.services.cloudwatch.model.MessageData;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

/**
 * One {@code MetricDataResult} before paging: its points already in {@code ScanBy} order. An expression that
 * returns an array yields one of these per series, all with the expression's Id.
 */
record ResultSeries(String id, String label, long[] times, double[] values, StatusCode status,
        List<MessageData> messages) {
    ResultSeries {
        requireNonNull(id, "id is null");
        requireNonNull(label, "label is null");
        requireNonNull(times, "times is null");
        requireNonNull(values, "values is null");
        requireNonNull(status, "status is null");
        messages = List.copyOf(messages);
    }

    int size() {
        return times.length;
    }
}
