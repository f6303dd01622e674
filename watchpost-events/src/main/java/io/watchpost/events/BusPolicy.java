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
 * and the one question Watchpost asks of a policy: may this account put events on the bus? Pure functions.
 */
public final class BusPolicy {
    static final ObjectMapper JSON = new ObjectMapper();

    private BusPolicy() {}

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
     * Whether {@code policy} lets {@code accountId} call {@code events:PutEvents}: an Allow statement whose action
     * covers it and whose principal is {@code *} or the account (id or root ARN), with no condition (organization
     * membership is unknown here, so a PrincipalOrgID condition never matches) and no Deny statement for it.
     */
    public static boolean allowsPutEvents(String policy, String accountId) {
        boolean allowed = false;
        for (JsonNode statement : parse(policy).map(p -> p.path("Statement")).orElse(JSON.createArrayNode())) {
            if (!covers(statement.path("Action"), "events:PutEvents") || !principal(statement.path("Principal"), accountId)) {
                continue;
            }
            if ("Deny".equals(statement.path("Effect").asText())) {
                return false;
            }
            allowed |= "Allow".equals(statement.path("Effect").asText()) && statement.path("Condition").isMissingNode();
        }
        return allowed;
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

    private static boolean principal(JsonNode principal, String accountId) {
        if (principal.isTextual()) {
            return principal.asText().equals("*");
        }
        JsonNode aws = principal.path("AWS");
        ArrayNode values = aws.isArray() ? (ArrayNode) aws : JSON.createArrayNode().add(aws);
        for (JsonNode value : values) {
            String text = value.asText();
            if (text.equals("*") || text.equals(accountId) || text.equals("arn:aws:iam::" + accountId + ":root")) {
                return true;
            }
        }
        return false;
    }
}
