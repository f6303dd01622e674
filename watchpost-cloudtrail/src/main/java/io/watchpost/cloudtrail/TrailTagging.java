package io.watchpost.cloudtrail;

import io.watchpost.core.RequestContext;
import io.watchpost.store.StateTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudtrail.model.AddTagsRequest;
import software.amazon.awssdk.services.cloudtrail.model.AddTagsResponse;
import software.amazon.awssdk.services.cloudtrail.model.ListTagsRequest;
import software.amazon.awssdk.services.cloudtrail.model.ListTagsResponse;
import software.amazon.awssdk.services.cloudtrail.model.RemoveTagsRequest;
import software.amazon.awssdk.services.cloudtrail.model.RemoveTagsResponse;
import software.amazon.awssdk.services.cloudtrail.model.ResourceTag;
import software.amazon.awssdk.services.cloudtrail.model.Tag;

/** AddTags, RemoveTags, ListTags on trails ({@code ResourceId} is the trail ARN, or a name in the caller's region). */
final class TrailTagging {
    private final StateTable<TrailSettings> settings;
    private final TrailLookup lookup;

    TrailTagging(StateTable<TrailSettings> settings, TrailLookup lookup) {
        this.settings = settings;
        this.lookup = lookup;
    }

    AddTagsResponse add(RequestContext context, AddTagsRequest request) {
        TrailLookup.Found found = lookup.home(context, request.resourceId());
        TrailSettings current = settings.get(found.key()).orElseGet(TrailSettings::defaults);
        Map<String, String> tags = new LinkedHashMap<>(current.tags());
        tags.putAll(TrailTags.toMap(request.tagsList()));
        TrailTags.checkCount(tags.size());
        settings.put(found.key(), current.withTags(tags));
        return AddTagsResponse.builder().build();
    }

    RemoveTagsResponse remove(RequestContext context, RemoveTagsRequest request) {
        TrailLookup.Found found = lookup.home(context, request.resourceId());
        TrailSettings current = settings.get(found.key()).orElseGet(TrailSettings::defaults);
        Map<String, String> tags = new LinkedHashMap<>(current.tags());
        for (Tag tag : request.hasTagsList() ? request.tagsList() : List.<Tag>of()) {
            if (tag.value() == null || tag.value().equals(tags.get(tag.key()))) {
                tags.remove(tag.key());
            }
        }
        settings.put(found.key(), current.withTags(tags));
        return RemoveTagsResponse.builder().build();
    }

    ListTagsResponse list(RequestContext context, ListTagsRequest request) {
        List<ResourceTag> out = new ArrayList<>();
        for (String id : request.hasResourceIdList() ? request.resourceIdList() : List.<String>of()) {
            TrailLookup.Found found = lookup.home(context, id);
            Map<String, String> tags = settings.get(found.key()).map(TrailSettings::tags).orElse(Map.of());
            out.add(ResourceTag.builder().resourceId(found.trail().arn()).tagsList(TrailTags.toList(tags)).build());
        }
        return ListTagsResponse.builder().resourceTagList(out).build();
    }
}
