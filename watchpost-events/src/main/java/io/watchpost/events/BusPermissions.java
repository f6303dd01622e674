package io.watchpost.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.Scope;
import java.util.Iterator;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.eventbridge.model.PutPermissionRequest;
import software.amazon.awssdk.services.eventbridge.model.RemovePermissionRequest;

/**
 * PutPermission and RemovePermission: edits of a bus's resource policy ({@link BusPolicy}). A full {@code Policy}
 * replaces the policy; otherwise the statement {@code StatementId} is added (or replaced). Removing the last
 * statement leaves the bus without a policy, as DescribeEventBus then shows.
 */
final class BusPermissions {
    private static final Pattern PRINCIPAL = Pattern.compile("(\\d{12}|\\*)");
    private static final Pattern STATEMENT_ID = Pattern.compile("[a-zA-Z0-9-_]{1,64}");

    private BusPermissions() {}

    static String put(Scope scope, String busName, Optional<String> current, PutPermissionRequest request) {
        if (request.policy() != null) {
            BusPolicy.parse(request.policy()).orElseThrow(() -> new AwsException(AwsError.EVENTS_VALIDATION,
                    "Policy is not valid JSON."));
            return request.policy();
        }
        Violations v = new Violations().required("action", request.action()).required("principal", request.principal())
                .required("statementId", request.statementId())
                .pattern("principal", request.principal(), PRINCIPAL).pattern("statementId", request.statementId(), STATEMENT_ID);
        v.throwIfAny(AwsError.EVENTS_VALIDATION);
        if (!request.action().equals("events:PutEvents")) {
            throw new AwsException(AwsError.EVENTS_VALIDATION, "Provided value in parameter 'action' is not supported.");
        }
        String orgId = null;
        if (request.condition() != null) {
            if (!"StringEquals".equals(request.condition().type()) || !"aws:PrincipalOrgID".equals(request.condition().key())) {
                throw new AwsException(AwsError.EVENTS_VALIDATION,
                        "Condition type must be StringEquals and key must be aws:PrincipalOrgID.");
            }
            orgId = request.condition().value();
        }
        ObjectNode policy = current.flatMap(BusPolicy::parse).orElseGet(BusPolicy::empty);
        removeStatement(statements(policy), request.statementId());
        statements(policy).add(BusPolicy.statement(request.statementId(), request.principal(), request.action(),
                scope.arn("events", "event-bus/" + busName).toString(), orgId));
        return policy.toString();
    }

    /** The new policy, or empty when no statement remains. */
    static Optional<String> remove(Optional<String> current, RemovePermissionRequest request) {
        if (Boolean.TRUE.equals(request.removeAllPermissions())) {
            return Optional.empty();
        }
        if (request.statementId() == null) {
            throw new AwsException(AwsError.EVENTS_VALIDATION, "Either StatementId or RemoveAllPermissions must be provided.");
        }
        ObjectNode policy = current.flatMap(BusPolicy::parse).orElseThrow(() -> new AwsException(
                AwsError.EVENTS_RESOURCE_NOT_FOUND, "EventBus does not have a policy."));
        if (!removeStatement(statements(policy), request.statementId())) {
            throw noStatement();
        }
        return statements(policy).isEmpty() ? Optional.empty() : Optional.of(policy.toString());
    }

    private static AwsException noStatement() {
        return new AwsException(AwsError.EVENTS_RESOURCE_NOT_FOUND, "Statement with the provided id does not exist.");
    }

    private static ArrayNode statements(ObjectNode policy) {
        JsonNode statements = policy.get("Statement");
        return statements instanceof ArrayNode array ? array : policy.putArray("Statement");
    }

    private static boolean removeStatement(ArrayNode statements, String sid) {
        for (Iterator<JsonNode> it = statements.iterator(); it.hasNext();) {
            if (sid.equals(it.next().path("Sid").asText())) {
                it.remove();
                return true;
            }
        }
        return false;
    }
}
