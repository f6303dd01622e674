package io.watchpost.cloudtrail;

import io.watchpost.cloudtrail.recorder.EventKey;
import io.watchpost.cloudtrail.recorder.ResourceRef;
import java.util.List;

/**
 * Whether a trail's selectors select one recorded event. Basic selectors: management events by read/write type
 * (minus excluded sources), data events by resource type and ARN prefix. Advanced selectors: every field selector
 * of one selector matches ({@code eventCategory}, {@code readOnly}, {@code eventSource}, {@code eventName},
 * {@code resources.type}, {@code resources.ARN}); unknown fields do not match.
 */
final class EventSelection {
    private EventSelection() {}

    static boolean selects(TrailSettings settings, EventKey event) {
        if (event.insight()) {
            return false; // Insights events are not delivered in log files (AWS delivers them to CloudTrail-Insight/)
        }
        if (!settings.advanced().isEmpty()) {
            return settings.advanced().stream().anyMatch(selector -> selector.fieldSelectors().stream()
                    .allMatch(field -> matches(field, values(field.field(), event))));
        }
        return settings.basic().stream().anyMatch(selector -> selects(selector, event));
    }

    private static boolean selects(TrailSettings.BasicSelector selector, EventKey event) {
        boolean readWrite = switch (selector.readWriteType()) {
            case "ReadOnly" -> event.readOnly();
            case "WriteOnly" -> !event.readOnly();
            default -> true;
        };
        if (!readWrite) {
            return false;
        }
        if (event.management()) {
            return selector.includeManagementEvents()
                    && !selector.excludeManagementEventSources().contains(event.eventSource());
        }
        return selector.dataResources().stream().anyMatch(data -> event.resources().stream()
                .anyMatch(resource -> resource.type().equals(data.type()) && (data.values().isEmpty()
                        || data.values().stream().anyMatch(resource.name()::startsWith))));
    }

    private static List<String> values(String field, EventKey event) {
        return switch (field) {
            case "eventCategory" -> List.of(event.management() ? "Management" : "Data");
            case "readOnly" -> List.of(Boolean.toString(event.readOnly()));
            case "eventSource" -> List.of(event.eventSource());
            case "eventName" -> List.of(event.eventName());
            case "resources.type" -> event.resources().stream().map(ResourceRef::type).toList();
            case "resources.ARN" -> event.resources().stream().map(ResourceRef::name).toList();
            default -> List.of();
        };
    }

    /** A field matches when some value passes every operator given (positive lists: any; negative: none). */
    private static boolean matches(TrailSettings.FieldSelector field, List<String> values) {
        return values.stream().anyMatch(value ->
                (field.equalsTo().isEmpty() || field.equalsTo().contains(value))
                && (field.startsWith().isEmpty() || field.startsWith().stream().anyMatch(value::startsWith))
                && (field.endsWith().isEmpty() || field.endsWith().stream().anyMatch(value::endsWith))
                && !field.notEquals().contains(value)
                && field.notStartsWith().stream().noneMatch(value::startsWith)
                && field.notEndsWith().stream().noneMatch(value::endsWith));
    }
}
