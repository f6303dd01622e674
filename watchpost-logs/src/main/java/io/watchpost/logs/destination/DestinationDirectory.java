package io.watchpost.logs.destination;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchpost.core.Arn;
import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.Scope;
import io.watchpost.store.StateJournal;
import io.watchpost.store.StateTable;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Read access to the {@code log-destinations} table for subscription filters: resolving a destination ARN (of any
 * account) and the check AWS makes at PutSubscriptionFilter time. Thread-safe (the table is).
 */
public final class DestinationDirectory {
    static final String TABLE = "log-destinations";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StateTable<DestinationRecord> table;

    private DestinationDirectory(StateTable<DestinationRecord> table) {
        this.table = table;
    }

    public static DestinationDirectory in(StateJournal journal) {
        return new DestinationDirectory(journal.table(TABLE, DestinationRecord.class));
    }

    /** The destination an {@code arn:aws:logs:REGION:ACCOUNT:destination:NAME} names, if it exists. */
    public Optional<DestinationRecord> find(Arn arn) {
        String name = arn.resource().substring("destination:".length());
        return table.get(new Scope(arn.accountId(), arn.region()).key(name));
    }

    /**
     * PutSubscriptionFilter's check: the destination exists, and a caller of another account is allowed
     * {@code logs:PutSubscriptionFilter} by its access policy (by account id, account root ARN or "*").
     * Returns the destination.
     */
    public DestinationRecord checkSubscribe(Scope caller, Arn arn) {
        DestinationRecord destination = find(arn).orElseThrow(() -> new AwsException(
                AwsError.LOGS_RESOURCE_NOT_FOUND, "The specified destination does not exist."));
        if (!arn.accountId().equals(caller.accountId()) && !allows(destination.accessPolicy(), caller.accountId())) {
            throw new AwsException(AwsError.LOGS_ACCESS_DENIED, "User with accountId: " + caller.accountId()
                    + " is not authorized to perform: logs:PutSubscriptionFilter on resource: " + arn);
        }
        return destination;
    }

    private static boolean allows(String policy, String account) {
        if (policy == null) {
            return false;
        }
        JsonNode root;
        try {
            root = JSON.readTree(policy);
        } catch (IOException e) {
            return false;
        }
        for (JsonNode statement : each(root.path("Statement"))) {
            if ("Allow".equals(statement.path("Effect").asText()) && action(statement.path("Action"))
                    && principal(statement.path("Principal"), account)) {
                return true;
            }
        }
        return false;
    }

    private static boolean action(JsonNode actions) {
        for (JsonNode a : each(actions)) {
            String value = a.asText();
            if (value.equals("*") || value.equals("logs:*") || value.equalsIgnoreCase("logs:PutSubscriptionFilter")) {
                return true;
            }
        }
        return false;
    }

    private static boolean principal(JsonNode principal, String account) {
        if (principal.isTextual()) {
            return principal.asText().equals("*");
        }
        for (JsonNode aws : each(principal.path("AWS"))) {
            String value = aws.asText();
            if (value.equals("*") || value.equals(account) || value.equals("arn:aws:iam::" + account + ":root")) {
                return true;
            }
        }
        return false;
    }

    private static Iterable<JsonNode> each(JsonNode node) {
        return node.isArray() ? node : node.isMissingNode() ? List.of() : List.of(node);
    }
}
