package io.watchpost.bench.workload;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The registry of workloads, in the order a full run measures them. A service issue adds its own line here. */
public final class Workloads {
    private static final Map<String, Function<WorkloadSpec, Workload>> ALL = new LinkedHashMap<>();

    static {
        ALL.put("PutMetricData", PutMetricDataWorkload::new);
        ALL.put("GetMetricStatistics", GetMetricStatisticsWorkload::new);
        ALL.put("GetMetricData", GetMetricDataWorkload::new);
        ALL.put("GetMetricDataSearch", GetMetricDataSearchWorkload::new);
        ALL.put("GetMetricDataInsights", GetMetricDataInsightsWorkload::new);
        ALL.put("ListMetrics", ListMetricsWorkload::new);
        ALL.put("PutLogEvents", PutLogEventsWorkload::new);
        ALL.put("FilterLogEvents", FilterLogEventsWorkload::new);
        ALL.put("FilterLogEventsJson", FilterLogEventsWorkload::json);
        ALL.put("FilterLogEventsDelimited", FilterLogEventsWorkload::delimited);
        ALL.put("DescribeLogGroups", DescribeLogGroupsWorkload::new);
        ALL.put("PutEvents", PutEventsWorkload::new);
        ALL.put("PutEvents1000Rules", PutEvents1000RulesWorkload::new);
        ALL.put("PutTraceSegments", PutTraceSegmentsWorkload::new);
    }

    private Workloads() {}

    /** Every workload name, in run order. */
    public static List<String> names() {
        return List.copyOf(ALL.keySet());
    }

    /** A fresh instance of the named workload (one per endpoint). */
    public static Workload create(String name, WorkloadSpec spec) {
        Function<WorkloadSpec, Workload> factory = ALL.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("unknown workload: " + name);
        }
        return factory.apply(spec);
    }
}
