package io.watchpost.s3;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * One page of a bucket listing as S3 computes it for ListObjects and ListObjectsV2: keys after {@code after}
 * (exclusive) under {@code prefix}, keys that contain {@code delimiter} past the prefix rolled up into common
 * prefixes; each key and each common prefix counts towards {@code maxKeys}.
 *
 * @param last the last key or common prefix returned (the next page starts after it), or null
 */
record ObjectListing(List<ObjectMeta> contents, List<String> commonPrefixes, boolean truncated, String last) {
    ObjectListing {
        contents = List.copyOf(contents);
        commonPrefixes = List.copyOf(commonPrefixes);
    }

    static ObjectListing of(NavigableMap<String, ObjectMeta> objects, String prefix, String delimiter, String after,
            int maxKeys) {
        NavigableMap<String, ObjectMeta> tail = after != null && after.compareTo(prefix) >= 0
                ? objects.tailMap(after, false) : objects.tailMap(prefix, true);
        List<ObjectMeta> contents = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        String last = null;
        for (Map.Entry<String, ObjectMeta> entry : tail.entrySet()) {
            String key = entry.getKey();
            if (!key.startsWith(prefix)) {
                break;
            }
            String rollUp = commonPrefix(key, prefix, delimiter);
            if (rollUp != null && (rollUp.equals(last) || after != null && after.startsWith(rollUp))) {
                continue;
            }
            if (contents.size() + prefixes.size() >= maxKeys) {
                return new ObjectListing(contents, prefixes, maxKeys > 0, last);
            }
            if (rollUp != null) {
                prefixes.add(rollUp);
                last = rollUp;
            } else {
                contents.add(entry.getValue());
                last = key;
            }
        }
        return new ObjectListing(contents, prefixes, false, last);
    }

    private static String commonPrefix(String key, String prefix, String delimiter) {
        if (delimiter == null || delimiter.isEmpty()) {
            return null;
        }
        int at = key.indexOf(delimiter, prefix.length());
        return at < 0 ? null : key.substring(0, at + delimiter.length());
    }
}
