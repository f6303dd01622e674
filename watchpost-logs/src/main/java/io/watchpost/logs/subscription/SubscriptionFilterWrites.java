package io.watchpost.logs.subscription;

import static java.util.Objects.requireNonNull;

import io.watchpost.core.Arn;
import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.ConstraintViolations;
import io.watchpost.core.RequestContext;
import io.watchpost.core.Scope;
import io.watchpost.logs.LogGroupDirectory;
import io.watchpost.logs.destination.DestinationDirectory;
import io.watchpost.logs.destination.DestinationRecord;
import io.watchpost.logs.metricfilter.FilterRequestRules;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteSubscriptionFilterRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteSubscriptionFilterResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutSubscriptionFilterRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutSubscriptionFilterResponse;

/**
 * PutSubscriptionFilter (create, or replace by name) and DeleteSubscriptionFilter. A put to a Kinesis stream or a
 * Firehose delivery stream sends AWS's control message to the destination first.
 */
final class SubscriptionFilterWrites {
    static final int MAX_FILTERS_PER_GROUP = 2;

    private final SubscriptionFilterStore store;
    private final LogGroupDirectory groups;
    private final Clock clock;
    private final SubscriptionDelivery delivery;
    private final DestinationDirectory destinations;

    SubscriptionFilterWrites(SubscriptionFilterStore store, LogGroupDirectory groups, Clock clock,
            SubscriptionDelivery delivery, DestinationDirectory destinations) {
        this.destinations = requireNonNull(destinations, "destinations is null");
        this.store = requireNonNull(store, "store is null");
        this.groups = requireNonNull(groups, "groups is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.delivery = requireNonNull(delivery, "delivery is null");
    }

    PutSubscriptionFilterResponse put(RequestContext context, PutSubscriptionFilterRequest request) {
        Scope scope = context.scope();
        DestinationKind kind = SubscriptionFilterRules.validate(scope, request);
        long groupCreated = groups.creationTime(scope, request.logGroupName()).orElseThrow(
                SubscriptionFilterWrites::noGroup);
        Optional<DestinationRecord> logsDestination = kind == DestinationKind.LOGS_DESTINATION
                ? Optional.of(destinations.checkSubscribe(scope, Arn.parse(request.destinationArn()).orElseThrow()))
                : Optional.empty();
        store.purgeStale(scope, request.logGroupName(), groupCreated);
        List<SubscriptionFilter> existing = store.live(scope, request.logGroupName(), groupCreated);
        boolean replaces = existing.stream().anyMatch(f -> f.filterName().equals(request.filterName()));
        if (!replaces && existing.size() >= MAX_FILTERS_PER_GROUP) {
            throw new AwsException(AwsError.LOGS_LIMIT_EXCEEDED, FilterRequestRules.LIMIT_EXCEEDED);
        }
        long now = clock.millis();
        SubscriptionFilter filter = new SubscriptionFilter(request.logGroupName(), groupCreated, request.filterName(),
                request.filterPattern(), request.destinationArn(), request.roleArn(),
                request.distributionAsString() == null ? "ByLogStream" : request.distributionAsString(),
                Boolean.TRUE.equals(request.applyOnTransformedLogs()), now, request.fieldSelectionCriteria(),
                request.hasEmitSystemFields() ? request.emitSystemFields() : List.of());
        if (kind == DestinationKind.KINESIS || kind == DestinationKind.FIREHOSE) {
            delivery.deliver(scope, filter, SubscriptionPayloads.control(kind, now));
        }
        logsDestination.ifPresent(d -> Arn.parse(d.targetArn()).flatMap(DestinationKind::of).ifPresent(target ->
                delivery.deliver(scope, DestinationTargets.retarget(filter, d.targetArn(), d.roleArn()),
                        SubscriptionPayloads.control(target, now))));
        store.put(scope, filter);
        return PutSubscriptionFilterResponse.builder().build();
    }

    DeleteSubscriptionFilterResponse delete(RequestContext context, DeleteSubscriptionFilterRequest request) {
        ConstraintViolations errors = new ConstraintViolations();
        FilterRequestRules.checkLogGroupName(errors, request.logGroupName());
        FilterRequestRules.checkFilterName(errors, "filterName", request.filterName(), true);
        errors.throwIfAny(AwsError.LOGS_INVALID_PARAMETER);
        Scope scope = context.scope();
        long groupCreated = groups.creationTime(scope, request.logGroupName()).orElseThrow(
                SubscriptionFilterWrites::noGroup);
        boolean live = store.live(scope, request.logGroupName(), groupCreated).stream()
                .anyMatch(f -> f.filterName().equals(request.filterName()));
        if (!live) {
            throw new AwsException(AwsError.LOGS_RESOURCE_NOT_FOUND,
                    "The specified subscription filter does not exist.");
        }
        store.remove(scope, request.logGroupName(), request.filterName());
        return DeleteSubscriptionFilterResponse.builder().build();
    }

    private static AwsException noGroup() {
        return new AwsException(AwsError.LOGS_RESOURCE_NOT_FOUND, FilterRequestRules.GROUP_NOT_FOUND);
    }
}
