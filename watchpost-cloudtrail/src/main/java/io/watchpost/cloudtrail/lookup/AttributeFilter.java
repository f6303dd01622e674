package io.watchpost.cloudtrail.lookup;

import static java.util.Objects.requireNonNull;

import io.watchpost.cloudtrail.recorder.EventKey;
import io.watchpost.cloudtrail.recorder.ResourceRef;
import java.util.function.Function;
import java.util.function.Predicate;

/** The one lookup attribute of a LookupEvents call, as a test on the record key (no JSON is parsed). */
enum AttributeFilter {
    EVENT_ID("EventId", EventKey::eventId),
    EVENT_NAME("EventName", EventKey::eventName),
    READ_ONLY("ReadOnly", key -> Boolean.toString(key.readOnly())),
    USERNAME("Username", EventKey::username),
    RESOURCE_TYPE("ResourceType", null),
    RESOURCE_NAME("ResourceName", null),
    EVENT_SOURCE("EventSource", EventKey::eventSource),
    ACCESS_KEY_ID("AccessKeyId", EventKey::accessKeyId);

    private final String wireName;
    private final Function<EventKey, String> field;

    AttributeFilter(String wireName, Function<EventKey, String> field) {
        this.wireName = wireName;
        this.field = field;
    }

    String wireName() {
        return wireName;
    }

    static java.util.Optional<AttributeFilter> forWireName(String name) {
        for (AttributeFilter filter : values()) {
            if (filter.wireName.equals(name)) {
                return java.util.Optional.of(filter);
            }
        }
        return java.util.Optional.empty();
    }

    /** Exact, case-sensitive match, as AWS's lookup does. */
    Predicate<EventKey> matching(String value) {
        requireNonNull(value, "value is null");
        return switch (this) {
            case RESOURCE_TYPE -> key -> key.resources().stream().map(ResourceRef::type).anyMatch(value::equals);
            case RESOURCE_NAME -> key -> key.resources().stream().map(ResourceRef::name).anyMatch(value::equals);
            default -> key -> value.equals(field.apply(key));
        };
    }
}
