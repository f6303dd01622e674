package io.watchpost.logs.metricfilter;

import io.watchpost.core.port.MetricDatum;
import io.watchpost.logs.filter.FilterMatch;
import io.watchpost.logs.filter.FilterPattern;
import io.watchpost.logs.ingest.IngestedEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A metric filter ready to run: its pattern compiled once, its value parsed once. Immutable and thread-safe.
 *
 * <p>The hot path is {@link #publish}: one pattern match per event. An event's values are extracted only when the
 * transformation needs them (a field as value, or dimensions); otherwise the cheaper boolean match runs.
 */
final class CompiledMetricFilter {
    private static final long MINUTE = 60_000L;

    private final MetricFilterRecord source;
    private final FilterPattern pattern;
    /** The literal value, or NaN when the value is a field selector. */
    private final double literal;
    private final boolean needsValues;
    private final Optional<String> unit;

    CompiledMetricFilter(MetricFilterRecord source) {
        this.source = source;
        this.pattern = FilterPattern.compile(source.filterPattern());
        boolean selector = source.metricValue().startsWith("$");
        this.literal = selector ? Double.NaN : Double.parseDouble(source.metricValue());
        this.needsValues = selector || !source.dimensions().isEmpty();
        this.unit = Optional.ofNullable(source.unit());
    }

    /** Whether this was compiled from exactly that stored filter (the table keeps the instance it is given). */
    boolean compiledFrom(MetricFilterRecord filter) {
        return source == filter;
    }

    /**
     * Adds the datapoints of one ingested batch: one per matching event with a numeric value (a non-numeric or
     * missing field, or a missing dimension field, publishes nothing, as AWS skips such events); then, when the
     * filter has a default value, one default datapoint for each minute of the batch in which events were ingested
     * but none matched (AWS: "the value reported ... during a period when logs are ingested but no matching logs
     * are found"), stamped with that minute's first event.
     */
    void publish(List<IngestedEvent> events, List<MetricDatum> out) {
        Set<Long> matchedMinutes = source.defaultValue() == null ? null : new HashSet<>();
        for (IngestedEvent event : events) {
            boolean matched = needsValues ? publishExtracted(event, out) : publishLiteral(event, out);
            if (matched && matchedMinutes != null) {
                matchedMinutes.add(Math.floorDiv(event.timestamp(), MINUTE));
            }
        }
        if (matchedMinutes != null) {
            publishDefaults(events, matchedMinutes, out);
        }
    }

    private boolean publishLiteral(IngestedEvent event, List<MetricDatum> out) {
        if (!pattern.matches(event.message())) {
            return false;
        }
        out.add(datum(event.timestamp(), literal, Map.of()));
        return true;
    }

    private boolean publishExtracted(IngestedEvent event, List<MetricDatum> out) {
        Optional<FilterMatch> match = pattern.match(event.message());
        if (match.isEmpty()) {
            return false;
        }
        double value = Double.isNaN(literal) ? number(match.get().value(source.metricValue())) : literal;
        Map<String, String> dimensions = dimensions(match.get());
        if (!Double.isNaN(value) && dimensions != null) {
            out.add(datum(event.timestamp(), value, dimensions));
        }
        return true;
    }

    /** The dimension values of the match, or null when a dimension field is missing or empty. */
    private Map<String, String> dimensions(FilterMatch match) {
        if (source.dimensions().isEmpty()) {
            return Map.of();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> dimension : source.dimensions().entrySet()) {
            Optional<String> value = match.value(dimension.getValue());
            if (value.isEmpty() || value.get().isEmpty()) {
                return null;
            }
            values.put(dimension.getKey(), value.get());
        }
        return values;
    }

    private void publishDefaults(List<IngestedEvent> events, Set<Long> matchedMinutes, List<MetricDatum> out) {
        Map<Long, Long> firstUnmatched = new HashMap<>();
        for (IngestedEvent event : events) {
            long minute = Math.floorDiv(event.timestamp(), MINUTE);
            if (!matchedMinutes.contains(minute)) {
                firstUnmatched.merge(minute, event.timestamp(), Math::min);
            }
        }
        firstUnmatched.values().stream().sorted()
                .forEach(timestamp -> out.add(datum(timestamp, source.defaultValue(), Map.of())));
    }

    private MetricDatum datum(long timestamp, double value, Map<String, String> dimensions) {
        return new MetricDatum(source.metricNamespace(), source.metricName(), dimensions,
                Instant.ofEpochMilli(timestamp), value, unit);
    }

    /** The extracted text as a finite number, or NaN (published as nothing) when it is not one. */
    static double number(Optional<String> text) {
        if (text.isEmpty() || !MetricTransformationRules.NUMBER.matcher(text.get().strip()).matches()) {
            return Double.NaN;
        }
        double value = Double.parseDouble(text.get().strip());
        return Double.isFinite(value) ? value : Double.NaN;
    }
}
