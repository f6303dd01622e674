package io.watchpost.events.endpoint;

import io.watchpost.core.AwsError;
import io.watchpost.events.Violations;
import java.util.List;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.eventbridge.model.EndpointEventBus;
import software.amazon.awssdk.services.eventbridge.model.ReplicationConfig;
import software.amazon.awssdk.services.eventbridge.model.RoutingConfig;

/** The EventBridge model's constraints on endpoint requests, in AWS's wording and model member order. */
final class EndpointValidation {
    static final Pattern NAME = Pattern.compile("[\\.\\-_A-Za-z0-9]+");
    static final Pattern DESCRIPTION = Pattern.compile(".*");
    static final Pattern HEALTH_CHECK = Pattern.compile("^arn:aws([a-z]|\\-)*:route53:::healthcheck/[\\-a-z0-9]+$");
    static final Pattern ROUTE = Pattern.compile("^[\\-a-z0-9]+$");
    static final Pattern ROLE_ARN = Pattern.compile("^arn:aws[a-z-]*:iam::\\d{12}:role\\/[\\w+=,.@/-]+$");
    static final Pattern BUS_ARN = Pattern.compile("^arn:aws[a-z-]*:events:[a-z]+-[a-z-]+-\\d+:\\d{12}:event-bus/[\\w.-]+$");
    static final Pattern HOME_REGION = Pattern.compile("^[\\-a-z0-9]+$");
    static final List<String> REPLICATION_STATES = List.of("ENABLED", "DISABLED");

    private EndpointValidation() {}

    static Violations name(Violations v, String path, String name, boolean required) {
        if (required) {
            v.required(path, name);
        }
        return v.length(path, name, 1, 64).pattern(path, name, NAME);
    }

    /** Create (everything but the description required as the model says) and Update (only the name required). */
    static void configuration(String name, String description, RoutingConfig routing, ReplicationConfig replication,
            List<EndpointEventBus> buses, String roleArn, boolean create) {
        Violations v = name(new Violations(), "name", name, true);
        v.length("description", description, 0, 512).pattern("description", description, DESCRIPTION);
        if (create) {
            v.required("routingConfig", routing);
        }
        routing(v, routing);
        if (replication != null && replication.state() != null) {
            v.oneOf("replicationConfig.state", replication.stateAsString(), REPLICATION_STATES);
        }
        if (create) {
            v.required("eventBuses", buses);
        }
        if (buses != null) {
            if (buses.size() != 2) {
                v.custom("Value '" + buses + "' at 'eventBuses' failed to satisfy constraint: Member must have length "
                        + (buses.size() < 2 ? "greater than or equal to 2" : "less than or equal to 2"));
            }
            for (int i = 0; i < buses.size(); i++) {
                String path = "eventBuses." + (i + 1) + ".member.eventBusArn";
                String arn = buses.get(i) == null ? null : buses.get(i).eventBusArn();
                v.required(path, arn).length(path, arn, 1, 512).pattern(path, arn, BUS_ARN);
            }
        }
        v.length("roleArn", roleArn, 1, 256).pattern("roleArn", roleArn, ROLE_ARN);
        v.throwIfAny(AwsError.EVENTS_VALIDATION);
    }

    private static void routing(Violations v, RoutingConfig routing) {
        if (routing == null) {
            return;
        }
        var failover = routing.failoverConfig();
        v.required("routingConfig.failoverConfig", failover);
        if (failover == null) {
            return;
        }
        v.required("routingConfig.failoverConfig.primary", failover.primary());
        if (failover.primary() != null) {
            String path = "routingConfig.failoverConfig.primary.healthCheck";
            String check = failover.primary().healthCheck();
            v.required(path, check).length(path, check, 1, 1600).pattern(path, check, HEALTH_CHECK);
        }
        v.required("routingConfig.failoverConfig.secondary", failover.secondary());
        if (failover.secondary() != null) {
            String path = "routingConfig.failoverConfig.secondary.route";
            String route = failover.secondary().route();
            v.required(path, route).length(path, route, 9, 20).pattern(path, route, ROUTE);
        }
    }
}
