package io.watchpost.logs.metrics;

import io.watchpost.core.Scope;
import io.watchpost.core.port.MetricDatum;
import io.watchpost.core.port.MetricSink;
import io.watchpost.logs.subscription.DestinationKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code AWS/Logs} metrics as AWS documents them ("CloudWatch Logs metrics"): IncomingBytes (uncompressed,
 * Bytes) and IncomingLogEvents (None) per LogGroupName and for the account; ForwardedBytes (compressed, Bytes),
 * ForwardedLogEvents, DeliveryErrors (None) per LogGroupName, DestinationType and FilterName. One datum per series
 * per ingested batch (CloudWatch sums them), never one per event.
 */
public final class LogsMetrics {
    public static final String NAMESPACE = "AWS/Logs";
    private static final Optional<String> BYTES = Optional.of("Bytes");
    private static final Optional<String> NONE = Optional.of("None");

    private LogsMetrics() {}

    static void incoming(MetricSink sink, Scope scope, String logGroupName, Instant at, long bytes, int events) {
        Map<String, String> group = Map.of("LogGroupName", logGroupName);
        sink.put(scope, List.of(
                new MetricDatum(NAMESPACE, "IncomingBytes", group, at, bytes, BYTES),
                new MetricDatum(NAMESPACE, "IncomingLogEvents", group, at, events, NONE),
                new MetricDatum(NAMESPACE, "IncomingBytes", Map.of(), at, bytes, BYTES),
                new MetricDatum(NAMESPACE, "IncomingLogEvents", Map.of(), at, events, NONE)));
    }

    /** A delivered payload: {@code compressedBytes} is the size of the gzip payload handed to the destination. */
    public static void forwarded(MetricSink sink, Scope scope, String logGroupName, String filterName,
            DestinationKind kind, Instant at, long compressedBytes, int events) {
        Map<String, String> dims = dimensions(logGroupName, filterName, kind);
        sink.put(scope, List.of(
                new MetricDatum(NAMESPACE, "ForwardedBytes", dims, at, compressedBytes, BYTES),
                new MetricDatum(NAMESPACE, "ForwardedLogEvents", dims, at, events, NONE)));
    }

    /** Events whose delivery failed at hand-over. */
    public static void deliveryErrors(MetricSink sink, Scope scope, String logGroupName, String filterName,
            DestinationKind kind, Instant at, int events) {
        sink.put(scope, List.of(new MetricDatum(NAMESPACE, "DeliveryErrors",
                dimensions(logGroupName, filterName, kind), at, events, NONE)));
    }

    /** DestinationType as AWS's console shows it: Lambda, Kinesis, Firehose, or a Logs destination. */
    static String destinationType(DestinationKind kind) {
        return switch (kind) {
            case LAMBDA -> "Lambda";
            case KINESIS -> "Kinesis";
            case FIREHOSE -> "Firehose";
            case LOGS_DESTINATION -> "LogsDestination";
        };
    }

    private static Map<String, String> dimensions(String logGroupName, String filterName, DestinationKind kind) {
        return Map.of("LogGroupName", logGroupName, "DestinationType", destinationType(kind),
                "FilterName", filterName);
    }
}
