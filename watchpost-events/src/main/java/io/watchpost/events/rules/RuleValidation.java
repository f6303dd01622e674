package io.watchpost.events.rules;

import io.watchpost.core.AwsError;
import io.watchpost.events.Violations;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The model constraints of the rule operations (botocore {@code events/2015-10-07}), checked in member order and
 * reported as one {@code ValidationException}, as AWS's request validation does.
 */
final class RuleValidation {
    static final Pattern RULE_NAME = Pattern.compile("[\\.\\-_A-Za-z0-9]+");
    static final Pattern BUS_NAME_OR_ARN = Pattern.compile(
            "(arn:aws[\\w-]*:events:[a-z]+-[a-z]+-[\\w-]+:[0-9]{12}:event-bus\\/)?[/\\.\\-_A-Za-z0-9]+");
    static final Pattern NON_PARTNER_BUS_NAME_OR_ARN = Pattern.compile(
            "(arn:aws[\\w-]*:events:[a-z]+-[a-z]+-[\\w-]+:[0-9]{12}:event-bus\\/)?[\\.\\-_A-Za-z0-9]+");
    static final List<String> STATES = List.of(RuleRecord.ENABLED, RuleRecord.DISABLED, RuleRecord.ENABLED_WITH_CLOUDTRAIL);

    private RuleValidation() {}

    static Violations name(Violations v, String path, String name, boolean required) {
        if (required) {
            v.required(path, name);
        }
        return v.length(path, name, 1, 64).pattern(path, name, RULE_NAME);
    }

    static Violations bus(Violations v, String path, String bus) {
        return v.length(path, bus, 1, 1600).pattern(path, bus, BUS_NAME_OR_ARN);
    }

    static Violations page(Violations v, String nextToken, Integer limit) {
        return v.length("nextToken", nextToken, 1, 2048).range("limit", limit, 1, 100);
    }

    /** Rule-only checks, for operations that take a rule name and an optional bus. */
    static void ruleOnBus(String name, String bus) {
        Violations v = name(new Violations(), "name", name, true);
        bus(v, "eventBusName", bus).throwIfAny(AwsError.EVENTS_VALIDATION);
    }
}
