package io.watchpost.logs.settings;

import static java.util.Objects.requireNonNull;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.ConstraintViolations;
import io.watchpost.core.PageTokens;
import io.watchpost.core.RequestContext;
import io.watchpost.core.api.ApiHandlers;
import io.watchpost.core.api.WatchpostService;
import io.watchpost.logs.LogsService;
import io.watchpost.logs.delivery.DeliveriesService;
import io.watchpost.logs.destination.DestinationDirectory;
import io.watchpost.logs.destination.DestinationTags;
import io.watchpost.store.StateJournal;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.cloudwatchlogs.model.*;

/**
 * CloudWatch Logs ({@code logs}) log group settings: both tagging families, KMS association, account resource
 * policies and query definitions (their own journal tables). Log-group tags and
 * the KMS key live in the group record of {@link LogsService} (one source of truth, durable on return); destination
 * tags in the journal's {@code log-resource-tags} table. Thread-safe.
 */
public final class LogGroupSettingsService implements WatchpostService {
    private static final Pattern NAME = Pattern.compile("[\\.\\-_/#A-Za-z0-9]+");
    /** A KMS key ARN, as AWS requires for AssociateKmsKey (key ids and aliases are refused). */
    private static final Pattern KMS_ARN = Pattern.compile("arn:aws[\\w-]*:kms:[a-z0-9-]+:\\d{12}:key/[\\w-]+");

    private final LogsService groups;
    private final ApiHandlers handlers;

    public LogGroupSettingsService(StateJournal journal, LogsService groups, DeliveriesService deliveries, Clock clock,
            PageTokens pageTokens) {
        this.groups = requireNonNull(groups, "groups is null");
        ResourcePolicies policies = new ResourcePolicies(journal.table("log-resource-policies", PolicyRecord.class),
                clock, pageTokens);
        QueryDefinitions queries = new QueryDefinitions(
                journal.table("log-query-definitions", QueryDefinitionRecord.class), clock, pageTokens);
        Tagging tagging = new Tagging(groups, DestinationDirectory.in(journal), DestinationTags.in(journal),
                deliveries);
        this.handlers = ApiHandlers.builder()
                .on(TagLogGroupRequest.class, tagging::tagLogGroup)
                .on(UntagLogGroupRequest.class, tagging::untagLogGroup)
                .on(ListTagsLogGroupRequest.class, tagging::listTagsLogGroup)
                .on(TagResourceRequest.class, tagging::tagResource)
                .on(UntagResourceRequest.class, tagging::untagResource)
                .on(ListTagsForResourceRequest.class, tagging::listTagsForResource)
                .on(AssociateKmsKeyRequest.class, this::associate)
                .on(DisassociateKmsKeyRequest.class, this::disassociate)
                .on(PutResourcePolicyRequest.class, policies::put)
                .on(DescribeResourcePoliciesRequest.class, policies::describe)
                .on(DeleteResourcePolicyRequest.class, policies::delete)
                .on(PutQueryDefinitionRequest.class, queries::put)
                .on(DescribeQueryDefinitionsRequest.class, queries::describe)
                .on(DeleteQueryDefinitionRequest.class, queries::delete)
                .build();
    }

    AssociateKmsKeyResponse associate(RequestContext context, AssociateKmsKeyRequest request) {
        ConstraintViolations errors = new ConstraintViolations();
        name(errors, request.logGroupName());
        if (request.kmsKeyId() == null) {
            errors.missing("kmsKeyId");
        }
        errors.checkString("kmsKeyId", request.kmsKeyId(), 0, 256, null);
        errors.throwIfAny(AwsError.LOGS_INVALID_PARAMETER);
        if (!KMS_ARN.matcher(request.kmsKeyId()).matches()) {
            throw new AwsException(AwsError.LOGS_INVALID_PARAMETER,
                    "Specified KMS key ARN is not valid: " + request.kmsKeyId());
        }
        set(context, request.logGroupName(), Optional.of(request.kmsKeyId()));
        return AssociateKmsKeyResponse.builder().build();
    }

    DisassociateKmsKeyResponse disassociate(RequestContext context, DisassociateKmsKeyRequest request) {
        ConstraintViolations errors = new ConstraintViolations();
        name(errors, request.logGroupName());
        errors.throwIfAny(AwsError.LOGS_INVALID_PARAMETER);
        set(context, request.logGroupName(), Optional.empty());
        return DisassociateKmsKeyResponse.builder().build();
    }

    private void set(RequestContext context, String name, Optional<String> key) {
        if (!groups.updateKmsKey(context.scope(), name, key)) {
            throw new AwsException(AwsError.LOGS_RESOURCE_NOT_FOUND, "The specified log group does not exist.");
        }
    }

    private static void name(ConstraintViolations errors, String name) {
        // resourceIdentifier (the newer alternative) is not supported yet: logGroupName is required here.
        if (name == null) {
            errors.missing("logGroupName");
        }
        errors.checkString("logGroupName", name, 1, 512, NAME);
    }

    @Override
    public String endpointPrefix() {
        return "logs";
    }

    @Override
    public ApiHandlers handlers() {
        return handlers;
    }
}
