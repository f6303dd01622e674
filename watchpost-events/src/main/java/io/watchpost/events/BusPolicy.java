package io.watchpost.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * Event-bus resource policies: the statement PutPermission writes (as EventBridge writes it: {@code Sid},
 * {@code Effect: Allow}, {@code Principal} {@code {"AWS":"arn:aws:iam::ACCOUNT:root"}} or {@code "*"},
 * {@code Action: events:PutEvents}, {@code Resource} the bus ARN, optional {@code aws:PrincipalOrgID} condition),
 * and the one question Watchpost asks of a policy: may this caller put this event on the bus? Pure functions.
 */
public final class BusPolicy {
    static final ObjectMapper JSON = new ObjectMapper();

    private BusPolicy() {}

    /** A bus's ARN: {@code arn:PARTITION:events:REGION:ACCOUNT:event-bus/NAME}. */
    public static String busArn(io.watchpost.core.Scope scope, String name) {
        return scope.arn("events", "event-bus/" + name).toString();
    }

    static Optional<ObjectNode> parse(String policy) {
        try {
            JsonNode node = policy == null ? null : JSON.readTree(policy);
            return node instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    static ObjectNode empty() {
        ObjectNode policy = JSON.createObjectNode();
        policy.put("Version", "2012-10-17");
        policy.putArray("Statement");
        return policy;
    }

    static ObjectNode statement(String sid, String principal, String action, String busArn, String orgId) {
        ObjectNode statement = JSON.createObjectNode();
        statement.put("Sid", sid);
        statement.put("Effect", "Allow");
        if (principal.equals("*")) {
            statement.put("Principal", "*");
        } else {
            statement.putObject("Principal").put("AWS", "arn:aws:iam::" + principal + ":root");
        }
        statement.put("Action", action);
        statement.put("Resource", busArn);
        if (orgId != null) {
            statement.putObject("Condition").putObject("StringEquals").put("aws:PrincipalOrgID", orgId);
        }
        return statement;
    }

    /**
     * One {@code events:PutEvents} call as a bus policy sees it: the calling account and principal, the bus, and the
     * event's source and detail-type (the {@code events:source} / {@code events:detail-type} condition keys).
     */
    public record PutEventsCall(String accountId, String principalArn, String busArn, String source,
            String detailType) {
        public PutEventsCall {
            java.util.Objects.requireNonNull(accountId, "accountId is null");
        }

        /** The values the supported condition keys take for this call (lower-case keys; absent keys are missing). */
        java.util.Map<String, String> conditionValues() {
            java.util.Map<String, String> values = new java.util.HashMap<>();
            values.put("aws:principalaccount", accountId);
            values.put("aws:sourceaccount", accountId);
            if (principalArn != null) {
                values.put("aws:principalarn", principalArn);
            }
            if (source != null) {
                values.put("events:source", source);
            }
            if (detailType != null) {
                values.put("events:detail-type", detailType);
            }
            return values;
        }
    }

    /** Whether {@code policy} lets {@code accountId} call {@code events:PutEvents}, whatever the event and bus. */
    public static boolean allowsPutEvents(String policy, String accountId) {
        return allowsPutEvents(policy, new PutEventsCall(accountId, null, null, null, null));
    }

    /**
     * Whether {@code policy} allows {@code call}: some Allow statement applies and no Deny statement does. A statement
     * applies when its action covers {@code events:PutEvents}, its principal is {@code *}, the account (id or root
     * ARN) or the calling principal's ARN, its Resource (when given, and when the call names a bus) matches the bus
     * ARN, and every condition holds ({@link PolicyConditions}; organization membership is unknown here, so an
     * {@code aws:PrincipalOrgID} condition never holds).
     */
    public static boolean allowsPutEvents(String policy, PutEventsCall call) {
        boolean allowed = false;
        java.util.Map<String, String> values = call.conditionValues();
        for (JsonNode statement : parse(policy).map(p -> p.path("Statement")).orElse(JSON.createArrayNode())) {
            if (!covers(statement.path("Action"), "events:PutEvents") || !principal(statement.path("Principal"), call)
                    || !resource(statement.path("Resource"), call.busArn())
                    || !PolicyConditions.hold(statement.path("Condition"), values)) {
                continue;
            }
            if ("Deny".equals(statement.path("Effect").asText())) {
                return false;
            }
            allowed |= "Allow".equals(statement.path("Effect").asText());
        }
        return allowed;
    }

    private static boolean resource(JsonNode resource, String busArn) {
        if (resource.isMissingNode() || busArn == null) {
            return true;
        }
        for (JsonNode one : resource.isArray() ? resource : JSON.createArrayNode().add(resource)) {
            if (PolicyConditions.like(busArn, one.asText())) {
                return true;
            }
        }
        return false;
    }

    private static boolean covers(JsonNode action, String wanted) {
        if (action.isArray()) {
            for (JsonNode one : action) {
                if (covers(one, wanted)) {
                    return true;
                }
            }
            return false;
        }
        String text = action.asText();
        return text.equals(wanted) || text.equals("events:*") || text.equals("*");
    }

    private static boolean principal(JsonNode principal, PutEventsCall call) {
        if (principal.isTextual()) {
            return principal.asText().equals("*");
        }
        JsonNode aws = principal.path("AWS");
        ArrayNode values = aws.isArray() ? (ArrayNode) aws : JSON.createArrayNode().add(aws);
        for (JsonNode value : values) {
            String text = value.asText();
            if (text.equals("*") || text.equals(call.accountId())
                    || text.equals("arn:aws:iam::" + call.accountId() + ":root") || text.equals(call.principalArn())) {
                return true;
            }
        }
        return false;
    }
}
