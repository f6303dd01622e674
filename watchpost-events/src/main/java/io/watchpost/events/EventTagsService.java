package io.watchpost.events;

import static java.util.Objects.requireNonNull;

import io.watchpost.core.Arn;
import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.RequestContext;
import io.watchpost.core.Scope;
import io.watchpost.core.api.ApiHandlers;
import io.watchpost.core.api.WatchpostService;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.eventbridge.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.eventbridge.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.eventbridge.model.Tag;
import software.amazon.awssdk.services.eventbridge.model.TagResourceRequest;
import software.amazon.awssdk.services.eventbridge.model.TagResourceResponse;
import software.amazon.awssdk.services.eventbridge.model.UntagResourceRequest;
import software.amazon.awssdk.services.eventbridge.model.UntagResourceResponse;

/**
 * TagResource, UntagResource and ListTagsForResource for the taggable EventBridge resources, event buses and rules.
 * The ARN picks the store ({@code event-bus/NAME} or {@code rule/[BUS/]NAME}); tags live in the resource's own
 * record, the same place CreateEventBus and PutRule put them. Thread-safe when the stores are.
 */
public final class EventTagsService implements WatchpostService {
    private final TagStore buses;
    private final TagStore rules;
    private final ApiHandlers handlers;

    public EventTagsService(TagStore buses, TagStore rules) {
        this.buses = requireNonNull(buses, "buses is null");
        this.rules = requireNonNull(rules, "rules is null");
        this.handlers = ApiHandlers.builder()
                .on(TagResourceRequest.class, this::tagResource)
                .on(UntagResourceRequest.class, this::untagResource)
                .on(ListTagsForResourceRequest.class, this::listTagsForResource)
                .build();
    }

    @Override
    public String endpointPrefix() {
        return "events";
    }

    @Override
    public ApiHandlers handlers() {
        return handlers;
    }

    TagResourceResponse tagResource(RequestContext context, TagResourceRequest request) {
        List<Tag> tags = request.hasTags() ? request.tags() : null;
        Violations v = arn(new Violations(), request.resourceARN()).required("tags", tags);
        Tags.check(v, "tags", tags == null ? List.of() : tags).throwIfAny(AwsError.EVENTS_VALIDATION);
        Target target = target(context.scope(), request.resourceARN());
        target.store().update(context.scope(), target.resource(), current -> Tags.merged(current, tags));
        return TagResourceResponse.builder().build();
    }

    UntagResourceResponse untagResource(RequestContext context, UntagResourceRequest request) {
        List<String> keys = request.hasTagKeys() ? request.tagKeys() : null;
        Violations v = arn(new Violations(), request.resourceARN()).required("tagKeys", keys);
        for (int i = 0; keys != null && i < keys.size(); i++) {
            v.required("tagKeys." + (i + 1) + ".member", keys.get(i))
                    .length("tagKeys." + (i + 1) + ".member", keys.get(i), 1, 128);
        }
        v.throwIfAny(AwsError.EVENTS_VALIDATION);
        Target target = target(context.scope(), request.resourceARN());
        target.store().update(context.scope(), target.resource(), current -> Tags.without(current, keys));
        return UntagResourceResponse.builder().build();
    }

    ListTagsForResourceResponse listTagsForResource(RequestContext context, ListTagsForResourceRequest request) {
        arn(new Violations(), request.resourceARN()).throwIfAny(AwsError.EVENTS_VALIDATION);
        Target target = target(context.scope(), request.resourceARN());
        Map<String, String> tags = target.store().tags(context.scope(), target.resource());
        return ListTagsForResourceResponse.builder()
                .tags(tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
                        .toList())
                .build();
    }

    private static Violations arn(Violations v, String arn) {
        return v.required("resourceARN", arn).length("resourceARN", arn, 1, 1600);
    }

    /** Which store holds the resource, and its name there. */
    private record Target(TagStore store, String resource) {}

    /**
     * An EventBridge ARN of a bus or rule in the caller's account and region. Another account's or region's resource
     * is not found here; an ARN that names no taggable EventBridge resource is not a valid parameter.
     */
    private Target target(Scope scope, String text) {
        Arn arn = Arn.parse(text).filter(a -> a.service().equals("events"))
                .orElseThrow(EventTagsService::invalidArn);
        String resource = arn.resource();
        TagStore store;
        String name;
        if (resource.startsWith("event-bus/")) {
            store = buses;
            name = resource.substring("event-bus/".length());
        } else if (resource.startsWith("rule/")) {
            store = rules;
            name = resource.substring("rule/".length());
        } else {
            throw invalidArn();
        }
        if (name.isEmpty()) {
            throw invalidArn();
        }
        if (!arn.scope().equals(scope)) {
            throw store.notFound(name);
        }
        return new Target(store, name);
    }

    private static AwsException invalidArn() {
        return new AwsException(AwsError.EVENTS_VALIDATION, "Parameter ResourceARN is not valid.");
    }
}
