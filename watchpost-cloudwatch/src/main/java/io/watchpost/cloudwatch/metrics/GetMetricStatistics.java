package io.watchpost.cloudwatch.metrics;

import static io.watchpost.cloudwatch.metrics.MetricChecks.invalidCombination;
import static io.watchpost.cloudwatch.metrics.MetricChecks.invalidValue;
import static java.util.Objects.requireNonNull;

import io.watchpost.cloudwatch.tsdb.Cell;
import io.watchpost.cloudwatch.tsdb.SeriesKey;
import io.watchpost.cloudwatch.tsdb.Statistic;
import io.watchpost.cloudwatch.tsdb.StatisticEvaluator;
import io.watchpost.cloudwatch.tsdb.StatisticParser;
import io.watchpost.cloudwatch.tsdb.TimeSeriesStore;
import io.watchpost.core.RequestContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalDouble;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsResponse;

/**
 * GetMetricStatistics. Datapoints come back in ascending time order (AWS documents no order, so clients cannot rely
 * on one), one per period and unit that has data; a percentile-based extended statistic that a period cannot answer
 * (statistic sets with distinct values) is left out of that datapoint's map.
 */
final class GetMetricStatistics {
    /** AWS: "The maximum number of data points returned from a single call is 1,440." */
    static final int MAX_DATAPOINTS = 1440;

    private final TimeSeriesStore store;
    private final Clock clock;

    GetMetricStatistics(TimeSeriesStore store, Clock clock) {
        this.store = requireNonNull(store, "store is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    GetMetricStatisticsResponse handle(RequestContext context, GetMetricStatisticsRequest request) {
        checkModel(request);
        Map<String, Statistic> statistics = statistics(request);
        int period = request.period();
        if (!PeriodAlignment.validPeriod(period)) {
            throw invalidValue("The parameter Period must be 1, 5, 10, 20, 30, or a multiple of 60.");
        }
        Instant start = request.startTime();
        Instant end = request.endTime();
        if (start.equals(end)) {
            throw invalidValue("The parameter StartTime must not equal parameter EndTime.");
        }
        if (start.isAfter(end)) {
            throw invalidValue("The parameter StartTime must be less than the parameter EndTime.");
        }
        long now = clock.millis();
        long from = PeriodAlignment.alignedStart(start.toEpochMilli(), now, period);
        long to = PeriodAlignment.endSecond(end.toEpochMilli());
        long requested = (to - from + period - 1) / period;
        if (requested > MAX_DATAPOINTS) {
            throw invalidCombination("You have requested up to " + requested + " datapoints, which exceeds the limit of "
                    + MAX_DATAPOINTS + ". You may reduce the datapoints requested by increasing Period, or decreasing "
                    + "the time range.");
        }
        SeriesKey key = new SeriesKey(context.principal().accountId(), context.region(), request.namespace(),
                request.metricName(), new java.util.TreeMap<>(MetricChecks.dimensionMap(request.dimensions())));
        Map<String, NavigableMap<Long, Cell>> byUnit = store.aggregate(key,
                Optional.ofNullable(request.unitAsString()), from, to, period);
        List<Datapoint> datapoints = new ArrayList<>();
        boolean extended = request.hasExtendedStatistics() && !request.extendedStatistics().isEmpty();
        byUnit.forEach((unit, periods) -> periods.forEach((periodStart, cell) ->
                datapoints.add(datapoint(unit, periodStart, cell, statistics, extended))));
        datapoints.sort(Comparator.comparing(Datapoint::timestamp));
        return GetMetricStatisticsResponse.builder().label(request.metricName()).datapoints(datapoints).build();
    }

    private static Datapoint datapoint(String unit, long periodStart, Cell cell, Map<String, Statistic> statistics,
            boolean extended) {
        Datapoint.Builder builder = Datapoint.builder().timestamp(Instant.ofEpochSecond(periodStart)).unit(unit);
        Map<String, Double> extendedValues = new LinkedHashMap<>();
        statistics.forEach((name, statistic) -> {
            OptionalDouble value = StatisticEvaluator.evaluate(statistic, cell);
            if (value.isEmpty()) {
                return;
            }
            if (extended) {
                extendedValues.put(name, value.getAsDouble());
                return;
            }
            double v = value.getAsDouble();
            switch ((Statistic.Basic) statistic) {
                case SAMPLE_COUNT -> builder.sampleCount(v);
                case AVERAGE -> builder.average(v);
                case SUM -> builder.sum(v);
                case MINIMUM -> builder.minimum(v);
                case MAXIMUM -> builder.maximum(v);
            }
        });
        if (extended) {
            builder.extendedStatistics(extendedValues);
        }
        return builder.build();
    }

    private static Map<String, Statistic> statistics(GetMetricStatisticsRequest request) {
        boolean basic = request.hasStatistics() && !request.statistics().isEmpty();
        boolean extended = request.hasExtendedStatistics() && !request.extendedStatistics().isEmpty();
        if (!basic && !extended) {
            throw invalidCombination("At least one of the parameters Statistics and ExtendedStatistics must be specified.");
        }
        if (basic && extended) {
            throw invalidCombination("The parameters Statistics and ExtendedStatistics are mutually exclusive and you "
                    + "have specified both.");
        }
        Map<String, Statistic> statistics = new LinkedHashMap<>();
        if (basic) {
            request.statisticsAsStrings().forEach(s -> statistics.put(s, Statistic.Basic.fromAwsName(s).orElseThrow()));
            return statistics;
        }
        List<String> names = request.extendedStatistics();
        for (int i = 0; i < names.size(); i++) {
            statistics.put(names.get(i), extendedStatistic("ExtendedStatistics.member." + (i + 1), names.get(i)));
        }
        return statistics;
    }

    private static Statistic extendedStatistic(String member, String name) {
        try {
            Statistic statistic = StatisticParser.parse(name);
            if (statistic instanceof Statistic.Basic) {
                throw invalidValue("The value " + name + " for parameter " + member + " is not supported.");
            }
            return statistic;
        } catch (StatisticParser.InvalidStatisticException e) {
            throw invalidValue("The value " + name + " for parameter " + member + " is not supported.");
        }
    }

    private static void checkModel(GetMetricStatisticsRequest request) {
        ModelViolations violations = new ModelViolations();
        MetricChecks.namespace(violations, "namespace", request.namespace(), true);
        violations.string("metricName", request.metricName(), true, 1, MetricChecks.MAX_NAME);
        MetricChecks.dimensions(violations, "dimensions", request.dimensions());
        if (request.startTime() == null) {
            violations.missing("startTime");
        }
        if (request.endTime() == null) {
            violations.missing("endTime");
        }
        if (request.period() == null) {
            violations.missing("period");
        } else if (request.period() < 1) {
            violations.atLeast("period", 1);
        }
        checkStatistics(violations, request);
        MetricChecks.unit(violations, "unit", request.unitAsString());
        violations.throwIfAny();
    }

    private static void checkStatistics(ModelViolations violations, GetMetricStatisticsRequest request) {
        if (request.hasStatistics()) {
            List<String> names = request.statisticsAsStrings();
            if (names.isEmpty()) {
                violations.lengthAtLeast("statistics", 1);
            } else if (names.size() > 5) {
                violations.lengthAtMost("statistics", 5);
            }
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i) == null) {
                    violations.missing("statistics." + (i + 1) + ".member");
                } else if (Statistic.Basic.fromAwsName(names.get(i)).isEmpty()) {
                    violations.enumValue("statistics." + (i + 1) + ".member", names.get(i),
                            "SampleCount, Average, Sum, Minimum, Maximum");
                }
            }
        }
        if (request.hasExtendedStatistics()) {
            List<String> names = request.extendedStatistics();
            if (names.isEmpty()) {
                violations.lengthAtLeast("extendedStatistics", 1);
            } else if (names.size() > 10) {
                violations.lengthAtMost("extendedStatistics", 10);
            }
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i) == null) {
                    violations.missing("extendedStatistics." + (i + 1) + ".member");
                }
            }
        }
    }
}
