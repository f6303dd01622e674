package io.watchpost.logs.settings;

import static java.util.Objects.requireNonNull;

import io.watchpost.core.Arn;
import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.ConstraintViolations;
import io.watchpost.core.RequestContext;
import io.watchpost.core.Scope;
import io.watchpost.logs.LogsService;
import io.watchpost.logs.delivery.DeliveriesService;
import io.watchpost.logs.destination.DestinationDirectory;
import io.watchpost.logs.destination.DestinationTags;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.cloudwatchlogs.model.*;

/**
 * Both tagging families. Log-group tags live in the group record ({@link LogsService#updateTags}), so tags given to
 * CreateLogGroup and tags added later are one map; destination tags live in {@link DestinationTags}, which
 * PutDestination and DeleteDestination also use; vended-log delivery sources, destinations and deliveries keep
 * theirs in their own records ({@link DeliveriesService#updateTags}).
 */
final class Tagging {
    private static final Pattern ARN = Pattern.compile("[\\w+=/:,.@-]*");
    private static final Pattern NAME = Pattern.compile("[\\.\\-_/#A-Za-z0-9]+");
    static final int MAX_TAGS = 50;

    private final LogsService groups;
    private final DestinationDirectory destinations;
    private final DestinationTags destinationTags;
    private final DeliveriesService deliveries;

    Tagging(LogsService groups, DestinationDirectory destinations, DestinationTags destinationTags,
            DeliveriesService deliveries) {
        this.groups = requireNonNull(groups, "groups is null");
        this.destinations = requireNonNull(destinations, "destinations is null");
        this.destinationTags = requireNonNull(destinationTags, "destinationTags is null");
        this.deliveries = requireNonNull(deliveries, "deliveries is null");
    }

    TagLogGroupResponse tagLogGroup(RequestContext context, TagLogGroupRequest request) {
        ConstraintViolations errors = new ConstraintViolations();
        groupName(errors, request.logGroupName());
        tagMap(errors, request.hasTags() ? request.tags() : null);
        errors.throwIfAny(AwsError.LOGS_INVALID_PARAMETER);
        updateGroup(context.scope(), request.logGroupName(), merge(request.tags(), AwsError.LOGS_INVALID_PARAMETER));
        return TagLogGroupResponse.builder().build();
    }

    UntagLogGroupResponse untagLogGroup(RequestContext context, UntagLogGroupRequest request) {
        ConstraintViolations errors = new ConstraintViolations();
        groupName(errors, request.logGroupName());
        if (!request.hasTags()) {
            errors.missing("tags");
        } else if (request.tags().isEmpty()) {
            errors.violated("tags", "Member must have length greater than or equal to 1");
        }
        errors.throwIfAny(AwsError.LOGS_INVALID_PARAMETER);
        updateGroup(context.scope(), request.logGroupName(), remove(request.tags()));
        return UntagLogGroupResponse.builder().build();
    }

    ListTagsLogGroupResponse listTagsLogGroup(RequestContext context, ListTagsLogGroupRequest request) {
        ConstraintViolations errors = new ConstraintViolations();
        groupName(errors, request.logGroupName());
        errors.throwIfAny(AwsError.LOGS_INVALID_PARAMETER);
        return ListTagsLogGroupResponse.builder().tags(groups.tags(context.scope(), request.logGroupName())
                .orElseThrow(Tagging::groupNotFound)).build();
    }

    TagResourceResponse tagResource(RequestContext context, TagResourceRequest request) {
        ConstraintViolations errors = new ConstraintViolations();
        arn(errors, request.resourceArn());
        tagMap(errors, request.hasTags() ? request.tags() : null);
        errors.throwIfAny(AwsError.LOGS_INVALID_PARAMETER);
        update(context.scope(), request.resourceArn(), merge(request.tags(), AwsError.LOGS_TOO_MANY_TAGS));
        return TagResourceResponse.builder().build();
    }

    UntagResourceResponse untagResource(RequestContext context, UntagResourceRequest request) {
        ConstraintViolations errors = new ConstraintViolations();
        arn(errors, request.resourceArn());
        if (!request.hasTagKeys()) {
            errors.missing("tagKeys");
        } else if (request.tagKeys().size() > MAX_TAGS) {
            errors.violated("tagKeys", "Member must have length less than or equal to 50");
        }
        errors.throwIfAny(AwsError.LOGS_INVALID_PARAMETER);
        update(context.scope(), request.resourceArn(), remove(request.tagKeys()));
        return UntagResourceResponse.builder().build();
    }

    ListTagsForResourceResponse listTagsForResource(RequestContext context, ListTagsForResourceRequest request) {
        ConstraintViolations errors = new ConstraintViolations();
        arn(errors, request.resourceArn());
        errors.throwIfAny(AwsError.LOGS_INVALID_PARAMETER);
        Scope scope = context.scope();
        Target target = target(scope, request.resourceArn());
        Map<String, String> tags;
        if (target.logGroupName() != null) {
            tags = groups.tags(scope, target.logGroupName()).orElseThrow(Tagging::groupNotFound);
        } else if (target.deliveryResource() != null) {
            tags = deliveries.tags(scope, target.deliveryResource()).orElseThrow(Tagging::resourceNotFound);
        } else {
            tags = destinationTags.get(request.resourceArn());
        }
        return ListTagsForResourceResponse.builder().tags(tags).build();
    }

    /**
     * What a tagging ARN names in the caller's scope: a log group (by name), a destination (by ARN), or a vended-log
     * delivery source, destination or delivery (by ARN resource); exactly one is set.
     */
    private record Target(String logGroupName, String destinationArn, String deliveryResource) {}

    private Target target(Scope scope, String resourceArn) {
        Arn arn = Arn.parse(resourceArn).filter(a -> a.service().equals("logs"))
                .orElseThrow(() -> invalidArn(resourceArn));
        if (!arn.scope().equals(scope)) {
            throw resourceNotFound();
        }
        String resource = arn.resource();
        if (resource.startsWith("log-group:")) {
            // The IAM form ending in ":*" never gets here: the model's ARN pattern has no '*'.
            return new Target(resource.substring("log-group:".length()), null, null);
        }
        if (resource.startsWith("destination:")) {
            destinations.find(arn).orElseThrow(() -> new AwsException(AwsError.LOGS_RESOURCE_NOT_FOUND,
                    "The specified destination does not exist."));
            return new Target(null, resourceArn, null);
        }
        if (DeliveriesService.owns(resource)) {
            return new Target(null, null, resource);
        }
        throw invalidArn(resourceArn);
    }

    private void update(Scope scope, String resourceArn, UnaryOperator<Map<String, String>> change) {
        Target target = target(scope, resourceArn);
        if (target.logGroupName() != null) {
            updateGroup(scope, target.logGroupName(), change);
        } else if (target.deliveryResource() != null) {
            if (!deliveries.updateTags(scope, target.deliveryResource(), change)) {
                throw resourceNotFound();
            }
        } else {
            destinationTags.update(resourceArn, change);
        }
    }

    private void updateGroup(Scope scope, String name, UnaryOperator<Map<String, String>> change) {
        if (!groups.updateTags(scope, name, change)) {
            throw groupNotFound();
        }
    }

    private static UnaryOperator<Map<String, String>> merge(Map<String, String> added, AwsError tooMany) {
        return old -> {
            Map<String, String> merged = new HashMap<>(old);
            merged.putAll(added);
            if (merged.size() > MAX_TAGS) {
                throw new AwsException(tooMany, "A resource can have no more than 50 tags.");
            }
            return merged;
        };
    }

    private static UnaryOperator<Map<String, String>> remove(List<String> keys) {
        return old -> {
            Map<String, String> left = new HashMap<>(old);
            left.keySet().removeAll(keys);
            return left;
        };
    }

    private static void groupName(ConstraintViolations errors, String name) {
        if (name == null) {
            errors.missing("logGroupName");
        }
        errors.checkString("logGroupName", name, 1, 512, NAME);
    }

    private static void tagMap(ConstraintViolations errors, Map<String, String> tags) {
        if (tags == null) {
            errors.missing("tags");
        } else {
            LogsService.checkTags(errors, tags);
        }
    }

    private static void arn(ConstraintViolations errors, String arn) {
        if (arn == null) {
            errors.missing("resourceArn");
        }
        errors.checkString("resourceArn", arn, 1, 1011, ARN);
    }

    private static AwsException invalidArn(String arn) {
        return new AwsException(AwsError.LOGS_INVALID_PARAMETER, "Invalid resource arn: " + arn);
    }

    private static AwsException resourceNotFound() {
        return new AwsException(AwsError.LOGS_RESOURCE_NOT_FOUND, "The specified resource does not exist.");
    }

    private static AwsException groupNotFound() {
        return new AwsException(AwsError.LOGS_RESOURCE_NOT_FOUND, "The specified log group does not exist.");
    }
}
