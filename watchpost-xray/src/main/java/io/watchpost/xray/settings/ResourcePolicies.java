package io.watchpost.xray.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.ConstraintViolations;
import io.watchpost.core.PageTokens;
import io.watchpost.core.RequestContext;
import io.watchpost.core.Scope;
import io.watchpost.store.StateJournal;
import io.watchpost.store.StateTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.xray.model.DeleteResourcePolicyRequest;
import software.amazon.awssdk.services.xray.model.DeleteResourcePolicyResponse;
import software.amazon.awssdk.services.xray.model.ListResourcePoliciesRequest;
import software.amazon.awssdk.services.xray.model.ListResourcePoliciesResponse;
import software.amazon.awssdk.services.xray.model.PutResourcePolicyRequest;
import software.amazon.awssdk.services.xray.model.PutResourcePolicyResponse;
import software.amazon.awssdk.services.xray.model.ResourcePolicy;

/**
 * PutResourcePolicy, ListResourcePolicies, DeleteResourcePolicy: "Each Amazon Web Services account can have a
 * maximum of 5 resource policies, and each policy name must be unique within that account. The maximum size of
 * each resource policy is 5KB." A policy's revision id counts its versions from 1; a PutResourcePolicy or
 * DeleteResourcePolicy naming a revision that is not the latest (or revision 0 for an existing name) is
 * {@code InvalidPolicyRevisionIdException}. The document must be a JSON object with {@code Statement}; the
 * lockout check is not performed (nothing here enforces policies).
 */
final class ResourcePolicies {
    static final int MAX_POLICIES = 5;
    static final int MAX_DOCUMENT_BYTES = 5 * 1024;
    private static final Pattern NAME = Pattern.compile("[\\w+=,.@-]+");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final StateTable<SettingsRecords.Policy> table;
    private final Clock clock;
    private final PageTokens pageTokens;

    ResourcePolicies(StateJournal journal, Clock clock, PageTokens pageTokens) {
        this.table = journal.table("xray.resourcePolicies", SettingsRecords.Policy.class);
        this.clock = clock;
        this.pageTokens = pageTokens;
    }

    PutResourcePolicyResponse put(RequestContext context, PutResourcePolicyRequest request) {
        ConstraintViolations violations = new ConstraintViolations();
        checkName(violations, request.policyName());
        if (request.policyDocument() == null) {
            violations.missing("policyDocument");
        }
        violations.throwIfAny(AwsError.XRAY_INVALID_REQUEST);
        if (request.policyDocument().getBytes(StandardCharsets.UTF_8).length > MAX_DOCUMENT_BYTES) {
            throw new AwsException(AwsError.XRAY_POLICY_SIZE_LIMIT_EXCEEDED,
                    "Policy document exceeds the maximum size of " + MAX_DOCUMENT_BYTES + " bytes");
        }
        checkDocument(request.policyDocument());
        Scope scope = context.scope();
        SettingsRecords.Policy stored;
        synchronized (table) {
            Optional<SettingsRecords.Policy> current = table.get(scope.key(request.policyName()));
            checkRevision(request.policyRevisionId(), current);
            if (current.isEmpty() && count(scope) >= MAX_POLICIES) {
                throw new AwsException(AwsError.XRAY_POLICY_COUNT_LIMIT_EXCEEDED,
                        "An account can have at most " + MAX_POLICIES + " resource policies");
            }
            stored = new SettingsRecords.Policy(request.policyName(), request.policyDocument(),
                    current.map(p -> p.revision() + 1).orElse(1L), clock.millis());
            table.put(scope.key(request.policyName()), stored);
        }
        return PutResourcePolicyResponse.builder().resourcePolicy(view(stored)).build();
    }

    ListResourcePoliciesResponse list(RequestContext context, ListResourcePoliciesRequest request) {
        ConstraintViolations violations = new ConstraintViolations();
        violations.checkString("nextToken", request.nextToken(), 1, 100, null);
        violations.throwIfAny(AwsError.XRAY_INVALID_REQUEST);
        String after = request.nextToken() == null ? null : pageTokens.decode(request.nextToken())
                .orElseThrow(() -> new AwsException(AwsError.XRAY_INVALID_REQUEST, "Invalid NextToken"));
        List<ResourcePolicy> policies = new ArrayList<>();
        String prefix = context.scope().key("");
        table.view().tailMap(after == null ? prefix : context.scope().key(after), after == null)
                .forEach((key, policy) -> {
                    if (key.startsWith(prefix)) {
                        policies.add(view(policy));
                    }
                });
        return ListResourcePoliciesResponse.builder().resourcePolicies(policies).build();
    }

    DeleteResourcePolicyResponse delete(RequestContext context, DeleteResourcePolicyRequest request) {
        ConstraintViolations violations = new ConstraintViolations();
        checkName(violations, request.policyName());
        violations.throwIfAny(AwsError.XRAY_INVALID_REQUEST);
        String key = context.scope().key(request.policyName());
        synchronized (table) {
            Optional<SettingsRecords.Policy> current = table.get(key);
            if (request.policyRevisionId() != null) {
                checkRevision(request.policyRevisionId(), current);
            }
            table.remove(key);
        }
        return DeleteResourcePolicyResponse.builder().build();
    }

    private int count(Scope scope) {
        String prefix = scope.key("");
        return (int) table.view().keySet().stream().filter(key -> key.startsWith(prefix)).count();
    }

    private static void checkRevision(String given, Optional<SettingsRecords.Policy> current) {
        if (given == null || given.equals("0") && current.isEmpty()) {
            return; // revision 0: create only
        }
        boolean matches = current.map(p -> Long.toString(p.revision()).equals(given)).orElse(false);
        if (!matches) {
            throw new AwsException(AwsError.XRAY_INVALID_POLICY_REVISION_ID, current.isPresent()
                    ? "Policy revision id " + given + " does not match the latest revision "
                            + current.get().revision()
                    : "Policy revision id " + given + " was provided for a policy that does not exist");
        }
    }

    private static void checkName(ConstraintViolations violations, String name) {
        if (name == null) {
            violations.missing("policyName");
        } else {
            violations.checkString("policyName", name, 1, 128, NAME);
        }
    }

    private static void checkDocument(String document) {
        JsonNode root;
        try {
            root = MAPPER.readTree(document);
        } catch (IOException e) {
            root = null;
        }
        if (root == null || !root.isObject() || !(root.path("Statement").isArray()
                || root.path("Statement").isObject())) {
            throw new AwsException(AwsError.XRAY_MALFORMED_POLICY_DOCUMENT,
                    "Invalid policy document: a JSON object with a Statement is required");
        }
    }

    private static ResourcePolicy view(SettingsRecords.Policy policy) {
        return ResourcePolicy.builder().policyName(policy.name()).policyDocument(policy.document())
                .policyRevisionId(Long.toString(policy.revision()))
                .lastUpdatedTime(Instant.ofEpochMilli(policy.updatedMillis())).build();
    }
}
