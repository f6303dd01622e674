package io.watchpost.xray.tagging;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.ConstraintViolations;
import io.watchpost.core.RequestContext;
import io.watchpost.core.Scope;
import io.watchpost.core.api.ApiHandlers;
import io.watchpost.core.api.WatchpostService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.xray.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.xray.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.xray.model.Tag;
import software.amazon.awssdk.services.xray.model.TagResourceRequest;
import software.amazon.awssdk.services.xray.model.TagResourceResponse;
import software.amazon.awssdk.services.xray.model.UntagResourceRequest;
import software.amazon.awssdk.services.xray.model.UntagResourceResponse;

/**
 * TagResource, UntagResource and ListTagsForResource over X-Ray groups and sampling rules ("Applies tags to an
 * existing Amazon Web Services X-Ray group or sampling rule"). Limits as X-Ray documents them: 50 user tags a
 * resource ({@code TooManyTagsException}), keys 1–128 and values 0–256 characters, no {@code aws:} prefix; lists
 * of at most 200 in one call. An ARN of another account, region or kind is {@code ResourceNotFoundException}.
 * ListTagsForResource answers every tag in one page.
 */
public final class TaggingService implements WatchpostService {
    static final int MAX_TAGS = 50;
    private final List<TaggedResources> kinds;
    private final ApiHandlers handlers;

    public TaggingService(List<TaggedResources> kinds) {
        this.kinds = List.copyOf(kinds);
        this.handlers = ApiHandlers.builder()
                .on(TagResourceRequest.class, this::tagResource)
                .on(UntagResourceRequest.class, this::untagResource)
                .on(ListTagsForResourceRequest.class, this::listTagsForResource)
                .build();
    }

    @Override
    public String endpointPrefix() {
        return "xray";
    }

    @Override
    public ApiHandlers handlers() {
        return handlers;
    }

    TagResourceResponse tagResource(RequestContext context, TagResourceRequest request) {
        ConstraintViolations violations = new ConstraintViolations();
        checkArn(violations, request.resourceARN());
        if (!request.hasTags()) {
            violations.missing("tags");
        } else {
            if (request.tags().size() > 200) {
                violations.violated("tags", "Member must have length less than or equal to 200");
            }
            List<Tag> tags = request.tags();
            for (int i = 0; i < tags.size(); i++) {
                Tag tag = tags.get(i);
                String path = "tags." + (i + 1) + ".member.";
                if (tag == null || tag.key() == null) {
                    violations.missing(path + "key");
                } else {
                    violations.checkString(path + "key", tag.key(), 1, 128, null);
                }
                if (tag == null || tag.value() == null) {
                    violations.missing(path + "value");
                } else {
                    violations.checkString(path + "value", tag.value(), 0, 256, null);
                }
            }
        }
        violations.throwIfAny(AwsError.XRAY_INVALID_REQUEST);
        for (Tag tag : request.tags()) {
            if (tag.key().startsWith("aws:")) {
                throw new AwsException(AwsError.XRAY_INVALID_REQUEST,
                        "Tag keys starting with 'aws:' are reserved for AWS use");
            }
        }
        update(context.scope(), request.resourceARN(), current -> {
            Map<String, String> merged = new LinkedHashMap<>(current);
            request.tags().forEach(tag -> merged.put(tag.key(), tag.value()));
            if (merged.size() > MAX_TAGS) {
                throw new AwsException(AwsError.XRAY_TOO_MANY_TAGS, "The resource " + request.resourceARN()
                        + " would have " + merged.size() + " tags; at most " + MAX_TAGS + " are allowed");
            }
            return merged;
        });
        return TagResourceResponse.builder().build();
    }

    UntagResourceResponse untagResource(RequestContext context, UntagResourceRequest request) {
        ConstraintViolations violations = new ConstraintViolations();
        checkArn(violations, request.resourceARN());
        if (!request.hasTagKeys()) {
            violations.missing("tagKeys");
        } else {
            if (request.tagKeys().size() > 200) {
                violations.violated("tagKeys", "Member must have length less than or equal to 200");
            }
            for (int i = 0; i < request.tagKeys().size(); i++) {
                violations.checkString("tagKeys." + (i + 1) + ".member", request.tagKeys().get(i), 1, 128, null);
            }
        }
        violations.throwIfAny(AwsError.XRAY_INVALID_REQUEST);
        update(context.scope(), request.resourceARN(), current -> {
            Map<String, String> remaining = new LinkedHashMap<>(current);
            request.tagKeys().forEach(remaining::remove);
            return remaining;
        });
        return UntagResourceResponse.builder().build();
    }

    ListTagsForResourceResponse listTagsForResource(RequestContext context, ListTagsForResourceRequest request) {
        ConstraintViolations violations = new ConstraintViolations();
        checkArn(violations, request.resourceARN());
        violations.throwIfAny(AwsError.XRAY_INVALID_REQUEST);
        Map<String, String> tags = kind(context.scope(), request.resourceARN())
                .flatMap(kind -> kind.tags(context.scope(), request.resourceARN()))
                .orElseThrow(() -> notFound(request.resourceARN()));
        List<Tag> list = new ArrayList<>();
        // Stored maps keep no order across a restart; list by key so the answer is stable.
        new java.util.TreeMap<>(tags).forEach((key, value) -> list.add(Tag.builder().key(key).value(value).build()));
        return ListTagsForResourceResponse.builder().tags(list).build();
    }

    private void update(Scope scope, String arn, java.util.function.UnaryOperator<Map<String, String>> change) {
        kind(scope, arn).flatMap(kind -> kind.updateTags(scope, arn, change)).orElseThrow(() -> notFound(arn));
    }

    /** The kind owning {@code arn} when it is an X-Ray ARN of the caller's account and region. */
    private Optional<TaggedResources> kind(Scope scope, String arn) {
        String prefix = "arn:aws:xray:" + scope.region() + ":" + scope.accountId() + ":";
        if (!arn.startsWith(prefix)) {
            return Optional.empty();
        }
        String resource = arn.substring(prefix.length());
        return kinds.stream().filter(kind -> kind.owns(resource)).findFirst();
    }

    private static void checkArn(ConstraintViolations violations, String arn) {
        if (arn == null) {
            violations.missing("resourceARN");
        } else {
            violations.checkString("resourceARN", arn, 1, 1011, null);
        }
    }

    private static AwsException notFound(String arn) {
        return new AwsException(AwsError.XRAY_RESOURCE_NOT_FOUND, "Resource not found: " + arn);
    }
}
