package io.watchpost.logs.metricfilter;

import static java.util.Objects.requireNonNull;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.ConstraintViolations;
import io.watchpost.core.RequestContext;
import io.watchpost.core.Scope;
import io.watchpost.logs.LogGroupDirectory;
import io.watchpost.logs.filter.FilterPattern;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteMetricFilterRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteMetricFilterResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.MetricTransformation;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutMetricFilterRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutMetricFilterResponse;

/**
 * PutMetricFilter (create or replace by name; a replaced filter keeps nothing of the old one, as AWS) and
 * DeleteMetricFilter. Concurrent puts of different filters on one group may both pass the limit check; the limit
 * is a guard against runaway configuration, not an invariant the listener relies on.
 */
final class MetricFilterWrites {
    static final int MAX_FILTERS_PER_GROUP = 100;

    private final MetricFilterStore store;
    private final LogGroupDirectory groups;
    private final Clock clock;

    MetricFilterWrites(MetricFilterStore store, LogGroupDirectory groups, Clock clock) {
        this.store = requireNonNull(store, "store is null");
        this.groups = requireNonNull(groups, "groups is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    PutMetricFilterResponse put(RequestContext context, PutMetricFilterRequest request) {
        validate(request);
        MetricTransformation t = request.metricTransformations().getFirst();
        Scope scope = context.scope();
        long groupCreated = groups.creationTime(scope, request.logGroupName()).orElseThrow(MetricFilterWrites::noGroup);
        store.purgeStale(scope, request.logGroupName(), groupCreated);
        List<MetricFilterRecord> existing = store.live(scope, request.logGroupName(), groupCreated);
        boolean replaces = existing.stream().anyMatch(f -> f.filterName().equals(request.filterName()));
        if (!replaces && existing.size() >= MAX_FILTERS_PER_GROUP) {
            throw new AwsException(AwsError.LOGS_LIMIT_EXCEEDED, FilterRequestRules.LIMIT_EXCEEDED);
        }
        store.put(scope, new MetricFilterRecord(request.logGroupName(), groupCreated, request.filterName(),
                request.filterPattern(), clock.millis(), t.metricName(), t.metricNamespace(), t.metricValue(),
                t.defaultValue(), t.hasDimensions() ? t.dimensions() : Map.of(), t.unitAsString(),
                Boolean.TRUE.equals(request.applyOnTransformedLogs()), request.fieldSelectionCriteria(),
                request.hasEmitSystemFieldDimensions() ? request.emitSystemFieldDimensions() : List.of()));
        return PutMetricFilterResponse.builder().build();
    }

    DeleteMetricFilterResponse delete(RequestContext context, DeleteMetricFilterRequest request) {
        ConstraintViolations errors = new ConstraintViolations();
        FilterRequestRules.checkLogGroupName(errors, request.logGroupName());
        FilterRequestRules.checkFilterName(errors, "filterName", request.filterName(), true);
        errors.throwIfAny(AwsError.LOGS_INVALID_PARAMETER);
        Scope scope = context.scope();
        long groupCreated = groups.creationTime(scope, request.logGroupName()).orElseThrow(MetricFilterWrites::noGroup);
        boolean live = store.live(scope, request.logGroupName(), groupCreated).stream()
                .anyMatch(f -> f.filterName().equals(request.filterName()));
        if (!live) {
            throw new AwsException(AwsError.LOGS_RESOURCE_NOT_FOUND, "The specified metric filter does not exist.");
        }
        store.remove(scope, request.logGroupName(), request.filterName());
        return DeleteMetricFilterResponse.builder().build();
    }

    /** Model constraints together, then the pattern, then the transformation's semantic rules. */
    private static void validate(PutMetricFilterRequest request) {
        ConstraintViolations errors = new ConstraintViolations();
        FilterRequestRules.checkLogGroupName(errors, request.logGroupName());
        FilterRequestRules.checkFilterName(errors, "filterName", request.filterName(), true);
        FilterRequestRules.checkFilterPattern(errors, request.filterPattern());
        MetricTransformationRules.checkModel(errors,
                request.hasMetricTransformations() ? request.metricTransformations() : null);
        errors.checkString("fieldSelectionCriteria", request.fieldSelectionCriteria(), 0,
                FilterRequestRules.FIELD_SELECTION_MAX, null);
        errors.throwIfAny(AwsError.LOGS_INVALID_PARAMETER);
        FilterPattern.compile(request.filterPattern());
        MetricTransformationRules.checkSemantics(request.metricTransformations().getFirst());
    }

    private static AwsException noGroup() {
        return new AwsException(AwsError.LOGS_RESOURCE_NOT_FOUND, FilterRequestRules.GROUP_NOT_FOUND);
    }
}
