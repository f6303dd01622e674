package io.watchpost.xray;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One sampling rule as persisted in the {@code xray.samplingRules} state table, keyed by {@code scope.key(name)}.
 * The boost members are {@code null} when the rule has no sampling-rate boost. Times are epoch millis. The
 * {@code Default} rule has a record only once it was updated; until then it is {@link #implicitDefault}.
 */
record RuleRecord(
        String name,
        String resourceArn,
        int priority,
        double fixedRate,
        int reservoirSize,
        String serviceName,
        String serviceType,
        String host,
        String httpMethod,
        String urlPath,
        int version,
        Map<String, String> attributes,
        Double boostMaxRate,
        Integer boostCooldownMinutes,
        Map<String, String> tags,
        long createdMillis,
        long modifiedMillis) {
    static final String DEFAULT = "Default";

    RuleRecord {
        requireNonNull(name, "name is null");
        attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(attributes));
        // Insertion order is the order the caller gave the tags in.
        tags = tags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    /**
     * The rule every account and region starts with, exactly as X-Ray reports it before anyone changes it:
     * matches everything, priority 10000, 1 request per second then 5%, created and modified at the epoch.
     */
    static RuleRecord implicitDefault() {
        return new RuleRecord(DEFAULT, "*", 10000, 0.05, 1, "*", "*", "*", "*", "*", 1,
                Map.of(), null, null, Map.of(), 0L, 0L);
    }

    RuleRecord withTags(Map<String, String> newTags) {
        return new RuleRecord(name, resourceArn, priority, fixedRate, reservoirSize, serviceName, serviceType, host,
                httpMethod, urlPath, version, attributes, boostMaxRate, boostCooldownMinutes, newTags, createdMillis,
                modifiedMillis);
    }

    boolean defaultRule() {
        return name.equals(DEFAULT);
    }
}
