package io.watchpost.cloudtrail;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A trail's event selectors, insight selectors and tags, persisted in the {@code trail-settings} table under the
 * trail's key. Exactly one of {@code basic} / {@code advanced} is in use: AWS replaces one with the other.
 */
record TrailSettings(List<BasicSelector> basic, List<AdvancedSelector> advanced, List<String> insightTypes,
        Map<String, String> tags) {
    TrailSettings {
        basic = basic == null ? List.of() : List.copyOf(basic);
        advanced = advanced == null ? List.of() : List.copyOf(advanced);
        insightTypes = insightTypes == null ? List.of() : List.copyOf(insightTypes);
        tags = tags == null ? Map.of() : new TreeMap<>(tags);
    }

    /** A new trail's settings: one basic selector for all management events, as AWS creates it. */
    static TrailSettings defaults() {
        return new TrailSettings(List.of(BasicSelector.ALL_MANAGEMENT), List.of(), List.of(), Map.of());
    }

    TrailSettings withBasic(List<BasicSelector> selectors) {
        return new TrailSettings(selectors, List.of(), insightTypes, tags);
    }

    TrailSettings withAdvanced(List<AdvancedSelector> selectors) {
        return new TrailSettings(List.of(), selectors, insightTypes, tags);
    }

    TrailSettings withInsights(List<String> types) {
        return new TrailSettings(basic, advanced, types, tags);
    }

    TrailSettings withTags(Map<String, String> newTags) {
        return new TrailSettings(basic, advanced, insightTypes, newTags);
    }

    /** True unless the selectors are the default single all-management one. */
    boolean customSelectors() {
        return !advanced.isEmpty() || !basic.equals(List.of(BasicSelector.ALL_MANAGEMENT));
    }

    /** A basic event selector; {@code dataResources} pair a type with its value prefixes. */
    record BasicSelector(String readWriteType, boolean includeManagementEvents, List<DataResource> dataResources,
            List<String> excludeManagementEventSources) {
        static final BasicSelector ALL_MANAGEMENT = new BasicSelector("All", true, List.of(), List.of());

        BasicSelector {
            requireNonNull(readWriteType, "readWriteType is null");
            dataResources = dataResources == null ? List.of() : List.copyOf(dataResources);
            excludeManagementEventSources = excludeManagementEventSources == null ? List.of()
                    : List.copyOf(excludeManagementEventSources);
        }
    }

    record DataResource(String type, List<String> values) {
        DataResource {
            requireNonNull(type, "type is null");
            values = values == null ? List.of() : List.copyOf(values);
        }
    }

    /** An advanced event selector: every field selector must match. */
    record AdvancedSelector(String name, List<FieldSelector> fieldSelectors) {
        AdvancedSelector {
            fieldSelectors = fieldSelectors == null ? List.of() : List.copyOf(fieldSelectors);
        }
    }

    /** One field condition; empty lists are absent operators. */
    record FieldSelector(String field, List<String> equalsTo, List<String> startsWith, List<String> endsWith,
            List<String> notEquals, List<String> notStartsWith, List<String> notEndsWith) {
        FieldSelector {
            requireNonNull(field, "field is null");
            equalsTo = copy(equalsTo);
            startsWith = copy(startsWith);
            endsWith = copy(endsWith);
            notEquals = copy(notEquals);
            notStartsWith = copy(notStartsWith);
            notEndsWith = copy(notEndsWith);
        }

        private static List<String> copy(List<String> values) {
            return values == null ? List.of() : List.copyOf(values);
        }
    }
}
