package io.watchpost.cloudwatch.metrics;

import static java.util.Objects.requireNonNull;

import io.watchpost.core.Arn;
import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.RequestContext;
import io.watchpost.store.StateTable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import software.amazon.awssdk.services.cloudwatch.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.cloudwatch.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.cloudwatch.model.Tag;
import software.amazon.awssdk.services.cloudwatch.model.TagResourceRequest;
import software.amazon.awssdk.services.cloudwatch.model.TagResourceResponse;
import software.amazon.awssdk.services.cloudwatch.model.UntagResourceRequest;
import software.amazon.awssdk.services.cloudwatch.model.UntagResourceResponse;

/**
 * TagResource, UntagResource and ListTagsForResource for CloudWatch ARNs. Tags live in their own table keyed by
 * ARN; which resources exist is asked of the services that own them ({@link #register}: dashboards, later alarms and
 * Contributor Insights rules). An ARN of the caller's account whose resource no owner confirms is
 * {@code ResourceNotFoundException}. Writes are serialized so read-modify-write of one ARN's tags is atomic.
 */
final class ResourceTags {
    /** AWS: "You can associate as many as 50 tags with a CloudWatch resource." */
    static final int MAX_TAGS = 50;

    private final StateTable<TagRecord> table;
    private final List<Map.Entry<String, Predicate<Arn>>> owners = new CopyOnWriteArrayList<>();

    ResourceTags(StateTable<TagRecord> table) {
        this.table = requireNonNull(table, "table is null");
    }

    void register(String resourcePrefix, Predicate<Arn> exists) {
        owners.add(Map.entry(requireNonNull(resourcePrefix, "resourcePrefix is null"), requireNonNull(exists)));
    }

    synchronized TagResourceResponse tag(RequestContext context, TagResourceRequest request) {
        ModelViolations violations = new ModelViolations();
        checkArn(violations, request.resourceARN());
        if (!request.hasTags()) {
            violations.missing("tags");
        }
        List<Tag> tags = request.tags();
        for (int i = 0; i < tags.size(); i++) {
            String prefix = "tags." + (i + 1) + ".member";
            Tag tag = tags.get(i);
            if (tag == null) {
                violations.missing(prefix);
                continue;
            }
            violations.string(prefix + ".key", tag.key(), true, 1, 128);
            violations.string(prefix + ".value", tag.value(), true, 0, 256);
        }
        violations.throwIfAny();
        String arn = existing(context, request.resourceARN());
        Map<String, String> merged = new TreeMap<>(current(arn));
        tags.forEach(tag -> merged.put(tag.key(), tag.value()));
        if (merged.size() > MAX_TAGS) {
            throw MetricChecks.invalidValue("A resource can have at most " + MAX_TAGS + " tags.");
        }
        table.put(arn, new TagRecord(merged));
        return TagResourceResponse.builder().build();
    }

    /** Sets a resource's tags as it is created (PutMetricAlarm's Tags); an empty map removes them. */
    synchronized void replace(String arn, Map<String, String> newTags) {
        if (newTags.isEmpty()) {
            table.remove(arn);
        } else {
            table.put(arn, new TagRecord(newTags));
        }
    }

    synchronized UntagResourceResponse untag(RequestContext context, UntagResourceRequest request) {
        ModelViolations violations = new ModelViolations();
        checkArn(violations, request.resourceARN());
        if (!request.hasTagKeys()) {
            violations.missing("tagKeys");
        }
        violations.throwIfAny();
        String arn = existing(context, request.resourceARN());
        Map<String, String> remaining = new TreeMap<>(current(arn));
        request.tagKeys().forEach(remaining::remove);
        if (remaining.isEmpty()) {
            table.remove(arn);
        } else {
            table.put(arn, new TagRecord(remaining));
        }
        return UntagResourceResponse.builder().build();
    }

    ListTagsForResourceResponse list(RequestContext context, ListTagsForResourceRequest request) {
        ModelViolations violations = new ModelViolations();
        checkArn(violations, request.resourceARN());
        violations.throwIfAny();
        String arn = existing(context, request.resourceARN());
        List<Tag> tags = current(arn).entrySet().stream()
                .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
        return ListTagsForResourceResponse.builder().tags(tags).build();
    }

    private Map<String, String> current(String arn) {
        return table.get(arn).map(TagRecord::tags).orElse(Map.of());
    }

    private static void checkArn(ModelViolations violations, String arn) {
        violations.string("resourceARN", arn, true, 1, 1024);
    }

    /** The ARN if it names an existing resource of the caller's account, else ResourceNotFoundException. */
    private String existing(RequestContext context, String text) {
        Optional<Arn> arn = Arn.parse(text).filter(a -> a.service().equals("cloudwatch"));
        if (arn.isEmpty()) {
            throw MetricChecks.invalidValue("Invalid ARN: " + text);
        }
        boolean found = arn.get().accountId().equals(context.principal().accountId())
                && owners.stream().anyMatch(owner -> arn.get().resource().startsWith(owner.getKey())
                        && owner.getValue().test(arn.get()));
        if (!found) {
            throw new AwsException(AwsError.CW_RESOURCE_NOT_FOUND_EXCEPTION,
                    "The specified resource " + text + " does not exist.",
                    Map.of("ResourceType", resourceType(arn.get()), "ResourceId", text));
        }
        return text;
    }

    private static String resourceType(Arn arn) {
        String resource = arn.resource();
        int end = resource.indexOf(resource.startsWith("alarm:") ? ':' : '/');
        return end < 0 ? resource : resource.substring(0, end);
    }
}
