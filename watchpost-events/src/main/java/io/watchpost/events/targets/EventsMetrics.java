package io.watchpost.events.targets;

import io.watchpost.core.port.MetricDatum;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Names and dimensions of the {@code AWS/Events} metrics (user guide, "Monitoring Amazon EventBridge"). A rule's
 * series on the default bus carries only {@code RuleName}; on a custom bus it carries {@code EventBusName} and
 * {@code RuleName}, as AWS documents.
 */
public final class EventsMetrics {
    public static final String NAMESPACE = "AWS/Events";
    public static final String DEFAULT_BUS = "default";
    private static final Optional<String> COUNT = Optional.of("Count");
    private static final Optional<String> BYTES = Optional.of("Bytes");

    private EventsMetrics() {
    }

    /** The dimensions of a rule's series. */
    public static Map<String, String> rule(String bus, String rule) {
        return DEFAULT_BUS.equals(bus) ? Map.of("RuleName", rule) : Map.of("EventBusName", bus, "RuleName", rule);
    }

    /** The dimensions of a bus's series. */
    public static Map<String, String> bus(String bus) {
        return Map.of("EventBusName", bus);
    }

    public static MetricDatum count(String name, Map<String, String> dimensions, Instant at, double value) {
        return new MetricDatum(NAMESPACE, name, dimensions, at, value, COUNT);
    }

    public static MetricDatum bytes(String name, Map<String, String> dimensions, Instant at, double value) {
        return new MetricDatum(NAMESPACE, name, dimensions, at, value, BYTES);
    }
}
