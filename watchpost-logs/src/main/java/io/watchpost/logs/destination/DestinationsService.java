package io.watchpost.logs.destination;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchpost.core.Arn;
import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.ConstraintViolations;
import io.watchpost.core.PageTokens;
import io.watchpost.core.RequestContext;
import io.watchpost.core.Scope;
import io.watchpost.core.api.ApiHandlers;
import io.watchpost.core.api.WatchpostService;
import io.watchpost.logs.LogsService;
import io.watchpost.store.StateJournal;
import io.watchpost.store.StateTable;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteDestinationRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteDestinationResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeDestinationsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeDestinationsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.Destination;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutDestinationPolicyRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutDestinationPolicyResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutDestinationRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutDestinationResponse;

/**
 * CloudWatch Logs ({@code logs}) destinations: PutDestination, PutDestinationPolicy, DescribeDestinations,
 * DeleteDestination on the journal's {@code log-destinations} table. Writes hold this object's monitor (read, then
 * write); the table is durable on return. Tags given when a destination is created, and a deleted destination's
 * tags, go through {@link DestinationTags}. Subscription filters resolve destinations through
 * {@link DestinationDirectory}.
 */
public final class DestinationsService implements WatchpostService {
    private static final Pattern NAME = Pattern.compile("[^:*]*");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StateTable<DestinationRecord> table;
    private final DestinationTags tags;
    private final Clock clock;
    private final PageTokens pageTokens;
    private final ApiHandlers handlers;

    public DestinationsService(StateJournal journal, Clock clock, PageTokens pageTokens) {
        this.table = journal.table(DestinationDirectory.TABLE, DestinationRecord.class);
        this.tags = DestinationTags.in(journal);
        this.clock = requireNonNull(clock, "clock is null");
        this.pageTokens = requireNonNull(pageTokens, "pageTokens is null");
        this.handlers = ApiHandlers.builder()
                .on(PutDestinationRequest.class, this::put)
                .on(PutDestinationPolicyRequest.class, this::putPolicy)
                .on(DescribeDestinationsRequest.class, this::describe)
                .on(DeleteDestinationRequest.class, this::delete)
                .build();
    }

    synchronized PutDestinationResponse put(RequestContext context, PutDestinationRequest request) {
        ConstraintViolations errors = new ConstraintViolations();
        name(errors, "destinationName", request.destinationName(), true);
        required(errors, "targetArn", request.targetArn());
        required(errors, "roleArn", request.roleArn());
        if (request.hasTags()) {
            LogsService.checkTags(errors, request.tags());
        }
        errors.throwIfAny(AwsError.LOGS_INVALID_PARAMETER);
        Arn.parse(request.targetArn())
                .filter(arn -> arn.service().equals("kinesis") || arn.service().equals("firehose"))
                .orElseThrow(() -> new AwsException(AwsError.LOGS_INVALID_PARAMETER,
                        "Invalid targetArn: " + request.targetArn()));
        Scope scope = context.scope();
        String key = scope.key(request.destinationName());
        boolean created = table.get(key).isEmpty();
        DestinationRecord record = table.get(key)
                .map(old -> new DestinationRecord(old.destinationName(), request.targetArn(), request.roleArn(),
                        old.accessPolicy(), old.forceUpdate(), old.creationTime()))
                .orElseGet(() -> new DestinationRecord(request.destinationName(), request.targetArn(),
                        request.roleArn(), null, false, clock.millis()));
        table.put(key, record);
        if (created) {
            // Tags apply on creation only, as PutMetricAlarm documents for its own create-or-update call.
            Map<String, String> given = request.hasTags() ? request.tags() : Map.of();
            tags.update(arn(scope, record), old -> given);
        }
        return PutDestinationResponse.builder().destination(view(scope, record)).build();
    }

    synchronized PutDestinationPolicyResponse putPolicy(RequestContext context, PutDestinationPolicyRequest request) {
        ConstraintViolations errors = new ConstraintViolations();
        name(errors, "destinationName", request.destinationName(), true);
        required(errors, "accessPolicy", request.accessPolicy());
        errors.throwIfAny(AwsError.LOGS_INVALID_PARAMETER);
        try {
            if (!JSON.readTree(request.accessPolicy()).isObject()) {
                throw new IOException("not an object");
            }
        } catch (IOException e) {
            throw new AwsException(AwsError.LOGS_INVALID_PARAMETER, "Invalid access policy: not valid JSON");
        }
        String key = context.scope().key(request.destinationName());
        DestinationRecord old = table.get(key).orElseThrow(DestinationsService::notFound);
        table.put(key, new DestinationRecord(old.destinationName(), old.targetArn(), old.roleArn(),
                request.accessPolicy(), Boolean.TRUE.equals(request.forceUpdate()), old.creationTime()));
        return PutDestinationPolicyResponse.builder().build();
    }

    DescribeDestinationsResponse describe(RequestContext context, DescribeDestinationsRequest request) {
        ConstraintViolations errors = new ConstraintViolations();
        name(errors, "DestinationNamePrefix", request.destinationNamePrefix(), false);
        errors.checkString("nextToken", request.nextToken(), 1, Integer.MAX_VALUE, null);
        errors.checkRange("limit", request.limit(), 1, 50);
        errors.throwIfAny(AwsError.LOGS_INVALID_PARAMETER);
        Scope scope = context.scope();
        String prefix = scope.key(request.destinationNamePrefix() == null ? "" : request.destinationNamePrefix());
        String after = request.nextToken() == null ? null : pageTokens.decode(request.nextToken())
                .orElseThrow(() -> new AwsException(AwsError.LOGS_INVALID_PARAMETER,
                        "The specified nextToken is invalid."));
        int limit = request.limit() == null ? 50 : request.limit();
        List<Destination> page = new ArrayList<>();
        String last = null;
        boolean more = false;
        for (Map.Entry<String, DestinationRecord> entry : table.view().tailMap(after == null ? prefix : after,
                after == null).entrySet()) {
            if (!entry.getKey().startsWith(prefix)) {
                break;
            }
            if (page.size() == limit) {
                more = true;
                break;
            }
            page.add(view(scope, entry.getValue()));
            last = entry.getKey();
        }
        return DescribeDestinationsResponse.builder().destinations(page)
                .nextToken(more ? pageTokens.encode(last) : null).build();
    }

    synchronized DeleteDestinationResponse delete(RequestContext context, DeleteDestinationRequest request) {
        ConstraintViolations errors = new ConstraintViolations();
        name(errors, "destinationName", request.destinationName(), true);
        errors.throwIfAny(AwsError.LOGS_INVALID_PARAMETER);
        String key = context.scope().key(request.destinationName());
        DestinationRecord record = table.get(key).orElseThrow(DestinationsService::notFound);
        table.remove(key);
        tags.remove(arn(context.scope(), record));
        return DeleteDestinationResponse.builder().build();
    }

    static Destination view(Scope scope, DestinationRecord record) {
        return Destination.builder()
                .destinationName(record.destinationName())
                .targetArn(record.targetArn())
                .roleArn(record.roleArn())
                .accessPolicy(record.accessPolicy())
                .arn(arn(scope, record))
                .creationTime(record.creationTime())
                .build();
    }

    private static String arn(Scope scope, DestinationRecord record) {
        return scope.arn("logs", "destination:" + record.destinationName()).toString();
    }

    private static AwsException notFound() {
        return new AwsException(AwsError.LOGS_RESOURCE_NOT_FOUND, "The specified destination does not exist.");
    }

    private static void name(ConstraintViolations errors, String member, String value, boolean required) {
        if (required && value == null) {
            errors.missing(member);
        }
        errors.checkString(member, value, 1, 512, NAME);
    }

    private static void required(ConstraintViolations errors, String member, String value) {
        if (value == null) {
            errors.missing(member);
        }
        errors.checkString(member, value, 1, Integer.MAX_VALUE, null);
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
