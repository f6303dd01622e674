package io.watchpost.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A value shaped like the resource definitions services keep in state tables: package-private, a nullable
 * member exposed through an {@code Optional} helper (which must not become a JSON property), times as millis.
 */
record Alarm(String name, String description, double threshold, long updatedMillis, List<String> actions,
        Map<String, String> tags) {
    Alarm {
        actions = List.copyOf(actions);
        tags = Map.copyOf(tags);
    }

    static Alarm named(String name) {
        return new Alarm(name, name.hashCode() % 2 == 0 ? null : "about " + name, 1.5, 1_700_000_000_000L,
                List.of("arn:aws:sns:us-east-1:123456789012:" + name), Map.of("team", "watchpost"));
    }

    Optional<String> describedAs() {
        return Optional.ofNullable(description);
    }
}
