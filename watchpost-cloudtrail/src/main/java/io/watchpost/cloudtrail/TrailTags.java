package io.watchpost.cloudtrail;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudtrail.model.Tag;

/** Tag lists as CloudTrail validates them: keys 1–128 characters, values up to 256, at most 50 per resource. */
final class TrailTags {
    static final int MAX_TAGS = 50;

    private TrailTags() {}

    static Map<String, String> toMap(List<Tag> tags) {
        Map<String, String> out = new LinkedHashMap<>();
        if (tags == null) {
            return out;
        }
        for (Tag tag : tags) {
            if (tag.key() == null || tag.key().isEmpty() || tag.key().length() > 128) {
                throw new AwsException(AwsError.TRAIL_INVALID_TAG_PARAMETER,
                        "Tag key must be between 1 and 128 characters.");
            }
            if (tag.value() != null && tag.value().length() > 256) {
                throw new AwsException(AwsError.TRAIL_INVALID_TAG_PARAMETER,
                        "Tag value must be between 0 and 256 characters.");
            }
            out.put(tag.key(), tag.value() == null ? "" : tag.value());
        }
        checkCount(out.size());
        return out;
    }

    static void checkCount(int count) {
        if (count > MAX_TAGS) {
            throw new AwsException(AwsError.TRAIL_TAGS_LIMIT_EXCEEDED,
                    "The number of tags on the resource exceeds the limit of " + MAX_TAGS + ".");
        }
    }

    static List<Tag> toList(Map<String, String> tags) {
        return tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
    }
}
