package io.watchpost.events.rules;

import io.watchpost.core.Scope;

/**
 * State-table keys of rules: {@code account/region/bus|name}. '|' appears in neither bus nor rule names, so one
 * bus's rules form a contiguous range ordered by rule name, which is the order ListRules pages through.
 */
final class RuleKeys {
    private RuleKeys() {}

    static String busPrefix(Scope scope, String bus) {
        return scope.key(bus) + '|';
    }

    static String key(Scope scope, String bus, String name) {
        return busPrefix(scope, bus) + name;
    }

    /** A rule's ARN: {@code rule/NAME} on the default bus, {@code rule/BUS/NAME} on any other. */
    static String arn(Scope scope, String bus, String name) {
        return scope.arn("events", bus.equals("default") ? "rule/" + name : "rule/" + bus + "/" + name).toString();
    }
}
