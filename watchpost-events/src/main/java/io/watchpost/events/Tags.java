package io.watchpost.events;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.eventbridge.model.Tag;

/**
 * EventBridge resource tags (event buses and rules, the only taggable EventBridge resources): the model constraints
 * on a {@code Tags} list, and merging tags into a resource's tags under AWS's limit of 50 per resource. Shared by
 * CreateEventBus, PutRule and TagResource so that the three agree.
 */
public final class Tags {
    /** "You can associate as many as 50 tags with a resource" (TagResource, API reference). */
    public static final int MAX_TAGS = 50;

    private Tags() {}

    /** The model's constraints on each member of a {@code Tags} list, phrased as AWS phrases them. */
    public static Violations check(Violations v, String path, List<Tag> tags) {
        for (int i = 0; i < tags.size(); i++) {
            String member = path + "." + (i + 1) + ".member";
            Tag tag = tags.get(i);
            v.required(member, tag);
            if (tag != null) {
                v.required(member + ".key", tag.key()).length(member + ".key", tag.key(), 1, 128)
                        .required(member + ".value", tag.value()).length(member + ".value", tag.value(), 0, 256);
            }
        }
        return v;
    }

    /**
     * {@code current} with {@code tags} added (a new value replaces the old one of the same key; new keys keep the
     * order given), or {@code ValidationException} when the result would exceed {@link #MAX_TAGS}.
     */
    public static Map<String, String> merged(Map<String, String> current, Collection<Tag> tags) {
        Map<String, String> merged = new LinkedHashMap<>(current);
        for (Tag tag : tags) {
            merged.put(tag.key(), tag.value());
        }
        if (merged.size() > MAX_TAGS) {
            throw new AwsException(AwsError.EVENTS_VALIDATION,
                    "The number of tags on the resource exceeds the limit of " + MAX_TAGS + ".");
        }
        return merged;
    }

    /** {@code current} without {@code keys}; keys the resource does not have are ignored, as AWS does. */
    public static Map<String, String> without(Map<String, String> current, Collection<String> keys) {
        Map<String, String> remaining = new LinkedHashMap<>(current);
        keys.forEach(remaining::remove);
        return remaining;
    }
}
