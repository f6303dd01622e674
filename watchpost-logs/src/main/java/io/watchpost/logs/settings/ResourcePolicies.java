package io.watchpost.logs.settings;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.ConstraintViolations;
import io.watchpost.core.PageTokens;
import io.watchpost.core.RequestContext;
import io.watchpost.core.Scope;
import io.watchpost.store.StateTable;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatchlogs.model.*;

/**
 * Account-scoped resource policies: at most {@value #MAX_POLICIES} per account and region, documents of at most
 * {@value #MAX_DOCUMENT} characters (AWS's documented limits). Writes hold this object's monitor.
 */
final class ResourcePolicies {
    static final int MAX_POLICIES = 10;
    static final int MAX_DOCUMENT = 5120;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StateTable<PolicyRecord> table;
    private final Clock clock;
    private final PageTokens pageTokens;

    ResourcePolicies(StateTable<PolicyRecord> table, Clock clock, PageTokens pageTokens) {
        this.table = requireNonNull(table, "table is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.pageTokens = requireNonNull(pageTokens, "pageTokens is null");
    }

    synchronized PutResourcePolicyResponse put(RequestContext context, PutResourcePolicyRequest request) {
        ConstraintViolations errors = new ConstraintViolations();
        if (request.policyName() == null) {
            errors.missing("policyName");
        }
        if (request.policyDocument() == null) {
            errors.missing("policyDocument");
        }
        errors.checkString("policyDocument", request.policyDocument(), 1, MAX_DOCUMENT, null);
        errors.throwIfAny(AwsError.LOGS_INVALID_PARAMETER);
        if (request.resourceArn() != null) {
            throw new AwsException(AwsError.LOGS_INVALID_PARAMETER,
                    "Resource-scoped policies (resourceArn) are not supported by Watchpost.");
        }
        checkJson(request.policyDocument());
        Scope scope = context.scope();
        String key = scope.key(request.policyName());
        if (table.get(key).isEmpty() && count(scope) >= MAX_POLICIES) {
            throw new AwsException(AwsError.LOGS_LIMIT_EXCEEDED, "Resource limit exceeded.");
        }
        PolicyRecord record = new PolicyRecord(request.policyName(), request.policyDocument(), clock.millis());
        table.put(key, record);
        return PutResourcePolicyResponse.builder().resourcePolicy(view(record)).build();
    }

    DescribeResourcePoliciesResponse describe(RequestContext context, DescribeResourcePoliciesRequest request) {
        ConstraintViolations errors = new ConstraintViolations();
        errors.checkString("nextToken", request.nextToken(), 1, Integer.MAX_VALUE, null);
        errors.checkRange("limit", request.limit(), 1, 50);
        errors.checkEnum("policyScope", request.policyScopeAsString(), List.of("ACCOUNT", "RESOURCE"));
        errors.throwIfAny(AwsError.LOGS_INVALID_PARAMETER);
        if ("RESOURCE".equals(request.policyScopeAsString()) || request.resourceArn() != null) {
            return DescribeResourcePoliciesResponse.builder().resourcePolicies(List.of()).build();
        }
        String prefix = context.scope().keyPrefix();
        String after = request.nextToken() == null ? prefix : pageTokens.decode(request.nextToken())
                .orElseThrow(() -> new AwsException(AwsError.LOGS_INVALID_PARAMETER,
                        "The specified nextToken is invalid."));
        int limit = request.limit() == null ? 50 : request.limit();
        List<ResourcePolicy> page = new ArrayList<>();
        String last = null;
        for (Map.Entry<String, PolicyRecord> entry : table.view().tailMap(after, request.nextToken() == null).entrySet()) {
            if (!entry.getKey().startsWith(prefix)) {
                break;
            }
            if (page.size() == limit) {
                return DescribeResourcePoliciesResponse.builder().resourcePolicies(page)
                        .nextToken(pageTokens.encode(last)).build();
            }
            page.add(view(entry.getValue()));
            last = entry.getKey();
        }
        return DescribeResourcePoliciesResponse.builder().resourcePolicies(page).build();
    }

    synchronized DeleteResourcePolicyResponse delete(RequestContext context, DeleteResourcePolicyRequest request) {
        ConstraintViolations errors = new ConstraintViolations();
        if (request.policyName() == null) {
            errors.missing("policyName");
        }
        errors.throwIfAny(AwsError.LOGS_INVALID_PARAMETER);
        if (!table.remove(context.scope().key(request.policyName()))) {
            throw new AwsException(AwsError.LOGS_RESOURCE_NOT_FOUND,
                    "Policy with name [" + request.policyName() + "] does not exist");
        }
        return DeleteResourcePolicyResponse.builder().build();
    }

    private int count(Scope scope) {
        String prefix = scope.keyPrefix();
        return (int) table.view().tailMap(prefix, true).keySet().stream()
                .takeWhile(key -> key.startsWith(prefix)).count();
    }

    private static void checkJson(String document) {
        try {
            if (!JSON.readTree(document).isObject()) {
                throw new IOException("not an object");
            }
        } catch (IOException e) {
            throw new AwsException(AwsError.LOGS_INVALID_PARAMETER, "Policy document is not valid JSON.");
        }
    }

    private static ResourcePolicy view(PolicyRecord record) {
        return ResourcePolicy.builder().policyName(record.policyName()).policyDocument(record.policyDocument())
                .lastUpdatedTime(record.lastUpdatedTime()).policyScope("ACCOUNT").build();
    }
}
