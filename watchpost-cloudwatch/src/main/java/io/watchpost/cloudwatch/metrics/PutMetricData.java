package io.watchpost.cloudwatch.metrics;

import static io.watchpost.cloudwatch.metrics.MetricChecks.invalidCombination;
import static io.watchpost.cloudwatch.metrics.MetricChecks.invalidValue;
import static java.util.Objects.requireNonNull;

import io.watchpost.cloudwatch.tsdb.TimeSeriesStore;
import io.watchpost.core.RequestContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudwatch.model.EntityMetricData;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataResponse;

/**
 * PutMetricData: model checks (ValidationError), then AWS's semantic checks in the order CloudWatch reports them,
 * then one store put for the whole call. The hot path is decode (wire) → {@link DatumConverter} (one
 * {@link io.watchpost.cloudwatch.tsdb.Datum} and its value arrays per datum) → one WAL record → one cell update per
 * tier per datum.
 */
final class PutMetricData {
    /** AWS: "Each PutMetricData request can contain up to 1000 metrics." */
    static final int MAX_METRICS = 1000;

    private final TimeSeriesStore store;
    private final Clock clock;

    PutMetricData(TimeSeriesStore store, Clock clock) {
        this.store = requireNonNull(store, "store is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    PutMetricDataResponse handle(RequestContext context, PutMetricDataRequest request) {
        checkModel(request);
        MetricChecks.notReserved(request.namespace());
        int total = request.metricData().size();
        for (EntityMetricData entity : request.entityMetricData()) {
            total += entity.metricData().size();
        }
        if (!request.hasMetricData() && !request.hasEntityMetricData()) {
            throw MetricChecks.missingParameter("The parameter MetricData is required.");
        }
        if (total > MAX_METRICS) {
            throw invalidValue("The collection MetricData must not have a size greater than " + MAX_METRICS + ".");
        }
        DatumConverter converter = new DatumConverter(request.namespace(), clock.millis());
        List<io.watchpost.cloudwatch.tsdb.Datum> data = new ArrayList<>(total);
        convertAll(converter, "MetricData", request.metricData(), data);
        List<EntityMetricData> entities = request.entityMetricData();
        for (int i = 0; i < entities.size(); i++) {
            convertAll(converter, "EntityMetricData.member." + (i + 1) + ".MetricData", entities.get(i).metricData(),
                    data);
        }
        converter.throwTimestampErrors();
        store.put(context.principal().accountId(), context.region(), data);
        return PutMetricDataResponse.builder().build();
    }

    private static void convertAll(DatumConverter converter, String member, List<MetricDatum> datums,
            List<io.watchpost.cloudwatch.tsdb.Datum> into) {
        for (int i = 0; i < datums.size(); i++) {
            converter.convert(member + ".member." + (i + 1), datums.get(i)).ifPresent(into::add);
        }
    }

    private static void checkModel(PutMetricDataRequest request) {
        ModelViolations violations = new ModelViolations();
        MetricChecks.namespace(violations, "namespace", request.namespace(), true);
        checkData(violations, "metricData", request.metricData());
        List<EntityMetricData> entities = request.entityMetricData();
        for (int i = 0; i < entities.size(); i++) {
            if (entities.get(i) == null) {
                violations.missing("entityMetricData." + (i + 1) + ".member");
            } else {
                checkData(violations, "entityMetricData." + (i + 1) + ".member.metricData",
                        entities.get(i).metricData());
            }
        }
        violations.throwIfAny();
    }

    private static void checkData(ModelViolations violations, String member, List<MetricDatum> data) {
        for (int i = 0; i < data.size(); i++) {
            String prefix = member + "." + (i + 1) + ".member";
            MetricDatum datum = data.get(i);
            if (datum == null) {
                violations.missing(prefix);
                continue;
            }
            violations.string(prefix + ".metricName", datum.metricName(), true, 1, MetricChecks.MAX_NAME);
            MetricChecks.dimensions(violations, prefix + ".dimensions", datum.dimensions());
            MetricChecks.unit(violations, prefix + ".unit", datum.unitAsString());
            if (datum.storageResolution() != null && datum.storageResolution() < 1) {
                violations.atLeast(prefix + ".storageResolution", 1);
            }
            if (datum.statisticValues() != null) {
                String set = prefix + ".statisticValues";
                if (datum.statisticValues().sampleCount() == null) {
                    violations.missing(set + ".sampleCount");
                }
                if (datum.statisticValues().sum() == null) {
                    violations.missing(set + ".sum");
                }
                if (datum.statisticValues().minimum() == null) {
                    violations.missing(set + ".minimum");
                }
                if (datum.statisticValues().maximum() == null) {
                    violations.missing(set + ".maximum");
                }
            }
        }
    }

    /** Mutually exclusive value forms, as AWS words them. */
    static void checkValueForms(String member, MetricDatum datum) {
        boolean value = datum.value() != null;
        boolean values = datum.hasValues() && !datum.values().isEmpty();
        boolean set = datum.statisticValues() != null;
        if (value && values) {
            throw invalidCombination(both(member, "Value", "Values"));
        }
        if (value && set) {
            throw invalidCombination(both(member, "Value", "StatisticValues"));
        }
        if (values && set) {
            throw invalidCombination(both(member, "Values", "StatisticValues"));
        }
        if (!value && !values && !set) {
            throw invalidCombination("At least one of the parameters " + member + ".Value and " + member
                    + ".StatisticValues must be specified.");
        }
    }

    private static String both(String member, String first, String second) {
        return "The parameters " + member + "." + first + " and " + member + "." + second
                + " are mutually exclusive and you have specified both.";
    }
}
