package io.watchpost.cloudtrail.recorder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Derives the {@code Resources} LookupEvents lists from a call's {@code requestParameters}, for the resource
 * families Watchpost hosts. One row per (event source, request member path): a member holding a name or a list of
 * names; a row may be limited to some event names where the member is ambiguous ({@code name} of EventBridge names
 * a bus only in the bus operations). Runs on the recorder thread, never on the request path.
 */
final class ResourceRules {
    private record Rule(String eventSource, Set<String> eventNames, List<String> path, String resourceType) {}

    private static final Set<String> ANY = Set.of();
    private static final String LOG_GROUP = "AWS::Logs::LogGroup";
    private static final String DASHBOARD = "AWS::CloudWatch::Dashboard";
    private static final String EVENT_BUS = "AWS::Events::EventBus";
    private static final String SAMPLING_RULE = "AWS::XRay::SamplingRule";
    private static final String REGISTRY = "AWS::EventSchemas::Registry";
    private static final String TRAIL = "AWS::CloudTrail::Trail";
    private static final Set<String> TRAIL_BY_NAME = Set.of("CreateTrail", "UpdateTrail", "DeleteTrail", "GetTrail",
            "GetTrailStatus", "StartLogging", "StopLogging");

    private static final List<Rule> RULES = List.of(
            new Rule("logs.amazonaws.com", ANY, List.of("logGroupName"), LOG_GROUP),
            new Rule("logs.amazonaws.com", ANY, List.of("logGroupIdentifier"), LOG_GROUP),
            new Rule("monitoring.amazonaws.com", ANY, List.of("dashboardName"), DASHBOARD),
            new Rule("monitoring.amazonaws.com", ANY, List.of("dashboardNames"), DASHBOARD),
            new Rule("events.amazonaws.com", ANY, List.of("eventBusName"), EVENT_BUS),
            new Rule("events.amazonaws.com", Set.of("CreateEventBus", "DeleteEventBus", "DescribeEventBus",
                    "UpdateEventBus"), List.of("name"), EVENT_BUS),
            new Rule("xray.amazonaws.com", ANY, List.of("samplingRule", "ruleName"), SAMPLING_RULE),
            new Rule("xray.amazonaws.com", ANY, List.of("samplingRuleUpdate", "ruleName"), SAMPLING_RULE),
            new Rule("xray.amazonaws.com", ANY, List.of("ruleName"), SAMPLING_RULE),
            new Rule("schemas.amazonaws.com", ANY, List.of("registryName"), REGISTRY),
            new Rule("cloudtrail.amazonaws.com", TRAIL_BY_NAME, List.of("name"), TRAIL),
            new Rule("cloudtrail.amazonaws.com", ANY, List.of("trailName"), TRAIL),
            new Rule("cloudtrail.amazonaws.com", ANY, List.of("trailNameList"), TRAIL));

    private static final Map<String, List<Rule>> BY_SOURCE = RULES.stream()
            .collect(java.util.stream.Collectors.groupingBy(Rule::eventSource));

    private final ObjectMapper json;

    ResourceRules(ObjectMapper json) {
        this.json = json;
    }

    /** The resources named in {@code requestParameters}, in rule order, without duplicates. */
    List<ResourceRef> derive(String eventSource, String eventName, Optional<String> requestParameters) {
        List<Rule> rules = BY_SOURCE.get(eventSource);
        if (rules == null || requestParameters.isEmpty()) {
            return List.of();
        }
        JsonNode root;
        try {
            root = json.readTree(requestParameters.get());
        } catch (JsonProcessingException e) {
            return List.of();
        }
        Set<ResourceRef> found = new LinkedHashSet<>();
        for (Rule rule : rules) {
            if (rule.eventNames().isEmpty() || rule.eventNames().contains(eventName)) {
                collect(root, rule, found);
            }
        }
        return new ArrayList<>(found);
    }

    private static void collect(JsonNode root, Rule rule, Set<ResourceRef> found) {
        JsonNode node = root;
        for (String member : rule.path()) {
            node = node == null ? null : node.get(member);
        }
        if (node == null) {
            return;
        }
        if (node.isTextual()) {
            found.add(new ResourceRef(rule.resourceType(), node.asText()));
        } else if (node.isArray()) {
            node.forEach(item -> {
                if (item.isTextual()) {
                    found.add(new ResourceRef(rule.resourceType(), item.asText()));
                }
            });
        }
    }
}
