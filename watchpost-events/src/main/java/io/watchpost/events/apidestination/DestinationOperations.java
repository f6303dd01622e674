package io.watchpost.events.apidestination;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.PageTokens;
import io.watchpost.core.RequestContext;
import io.watchpost.core.Scope;
import io.watchpost.events.Violations;
import io.watchpost.store.StateTable;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.eventbridge.model.ApiDestination;
import software.amazon.awssdk.services.eventbridge.model.CreateApiDestinationRequest;
import software.amazon.awssdk.services.eventbridge.model.CreateApiDestinationResponse;
import software.amazon.awssdk.services.eventbridge.model.DeleteApiDestinationRequest;
import software.amazon.awssdk.services.eventbridge.model.DeleteApiDestinationResponse;
import software.amazon.awssdk.services.eventbridge.model.DescribeApiDestinationRequest;
import software.amazon.awssdk.services.eventbridge.model.DescribeApiDestinationResponse;
import software.amazon.awssdk.services.eventbridge.model.ListApiDestinationsRequest;
import software.amazon.awssdk.services.eventbridge.model.ListApiDestinationsResponse;
import software.amazon.awssdk.services.eventbridge.model.UpdateApiDestinationRequest;
import software.amazon.awssdk.services.eventbridge.model.UpdateApiDestinationResponse;

/** CreateApiDestination, DescribeApiDestination, UpdateApiDestination, DeleteApiDestination, ListApiDestinations. */
final class DestinationOperations {
    static final String TABLE = "events.api-destinations";
    private static final List<String> METHODS = List.of("POST", "GET", "HEAD", "OPTIONS", "PUT", "PATCH", "DELETE");
    private static final Pattern CONNECTION_ARN = Pattern.compile("^arn:aws([a-z]|\\-)*:events:([a-z]|\\d|\\-)*:"
            + "([0-9]{12})?:connection\\/[\\.\\-_A-Za-z0-9]+\\/[\\-A-Za-z0-9]+$");
    static final int MAX_RATE = 300;

    private final StateTable<DestinationRecord> table;
    private final Connections connections;
    private final Clock clock;
    private final PageTokens pageTokens;
    private final Supplier<String> uuids;

    DestinationOperations(StateTable<DestinationRecord> table, Connections connections, Clock clock,
            PageTokens pageTokens, Supplier<String> uuids) {
        this.table = table;
        this.connections = connections;
        this.clock = clock;
        this.pageTokens = pageTokens;
        this.uuids = uuids;
    }

    static String arn(Scope scope, DestinationRecord d) {
        return scope.arn("events", "api-destination/" + d.name() + "/" + d.uuid()).toString();
    }

    CreateApiDestinationResponse create(RequestContext context, CreateApiDestinationRequest r) {
        validate(new Violations().required("name", r.name()), r.name(), r.description(), r.connectionArn(),
                r.invocationEndpoint(), r.httpMethodAsString(), r.invocationRateLimitPerSecond(), true);
        Scope scope = context.scope();
        requireConnection(scope, r.connectionArn());
        long now = clock.millis();
        DestinationRecord d = new DestinationRecord(r.name(), uuids.get(), r.description(), r.connectionArn(),
                r.invocationEndpoint(), r.httpMethodAsString(), r.invocationRateLimitPerSecond() == null
                        ? DestinationRecord.DEFAULT_RATE_LIMIT : r.invocationRateLimitPerSecond(), now, now);
        if (table.putIfAbsent(scope.key(r.name()), d).isPresent()) {
            throw new AwsException(AwsError.EVENTS_RESOURCE_ALREADY_EXISTS,
                    "An api-destination '" + r.name() + "' already exists.");
        }
        return CreateApiDestinationResponse.builder().apiDestinationArn(arn(scope, d)).apiDestinationState("ACTIVE")
                .creationTime(ConnectionViews.instant(now)).lastModifiedTime(ConnectionViews.instant(now)).build();
    }

    DescribeApiDestinationResponse describe(RequestContext context, DescribeApiDestinationRequest r) {
        validateName(r.name());
        Scope scope = context.scope();
        DestinationRecord d = require(scope, r.name(), "describe");
        return DescribeApiDestinationResponse.builder().apiDestinationArn(arn(scope, d)).name(d.name())
                .description(d.description()).apiDestinationState("ACTIVE").connectionArn(d.connectionArn())
                .invocationEndpoint(d.invocationEndpoint()).httpMethod(d.httpMethod())
                .invocationRateLimitPerSecond(d.invocationRateLimitPerSecond())
                .creationTime(ConnectionViews.instant(d.creationMillis()))
                .lastModifiedTime(ConnectionViews.instant(d.lastModifiedMillis())).build();
    }

    UpdateApiDestinationResponse update(RequestContext context, UpdateApiDestinationRequest r) {
        validate(new Violations().required("name", r.name()), r.name(), r.description(), r.connectionArn(),
                r.invocationEndpoint(), r.httpMethodAsString(), r.invocationRateLimitPerSecond(), false);
        Scope scope = context.scope();
        DestinationRecord old = require(scope, r.name(), "update");
        if (r.connectionArn() != null) {
            requireConnection(scope, r.connectionArn());
        }
        long now = clock.millis();
        DestinationRecord d = new DestinationRecord(old.name(), old.uuid(),
                r.description() != null ? r.description() : old.description(),
                r.connectionArn() != null ? r.connectionArn() : old.connectionArn(),
                r.invocationEndpoint() != null ? r.invocationEndpoint() : old.invocationEndpoint(),
                r.httpMethodAsString() != null ? r.httpMethodAsString() : old.httpMethod(),
                r.invocationRateLimitPerSecond() != null ? r.invocationRateLimitPerSecond()
                        : old.invocationRateLimitPerSecond(), old.creationMillis(), now);
        table.put(scope.key(d.name()), d);
        return UpdateApiDestinationResponse.builder().apiDestinationArn(arn(scope, d)).apiDestinationState("ACTIVE")
                .creationTime(ConnectionViews.instant(d.creationMillis()))
                .lastModifiedTime(ConnectionViews.instant(now)).build();
    }

    DeleteApiDestinationResponse delete(RequestContext context, DeleteApiDestinationRequest r) {
        validateName(r.name());
        Scope scope = context.scope();
        require(scope, r.name(), "delete");
        table.remove(scope.key(r.name()));
        return DeleteApiDestinationResponse.builder().build();
    }

    ListApiDestinationsResponse list(RequestContext context, ListApiDestinationsRequest r) {
        new Violations().length("namePrefix", r.namePrefix(), 1, 64)
                .pattern("namePrefix", r.namePrefix(), ConnectionValidation.NAME)
                .length("connectionArn", r.connectionArn(), 1, 1600)
                .pattern("connectionArn", r.connectionArn(), CONNECTION_ARN)
                .length("nextToken", r.nextToken(), 1, 2048).range("limit", r.limit(), 1, 100)
                .throwIfAny(AwsError.EVENTS_VALIDATION);
        Scope scope = context.scope();
        String prefix = r.namePrefix() == null ? "" : r.namePrefix();
        Paging.Page<DestinationRecord> page = Paging.page(table.view(), scope, pageTokens, r.nextToken(), r.limit(),
                d -> d.name().startsWith(prefix) && (r.connectionArn() == null
                        || r.connectionArn().equals(d.connectionArn())), DestinationRecord::name);
        List<ApiDestination> items = page.items().stream().map(d -> ApiDestination.builder()
                .apiDestinationArn(arn(scope, d)).name(d.name()).apiDestinationState("ACTIVE")
                .connectionArn(d.connectionArn()).invocationEndpoint(d.invocationEndpoint())
                .httpMethod(d.httpMethod()).invocationRateLimitPerSecond(d.invocationRateLimitPerSecond())
                .creationTime(ConnectionViews.instant(d.creationMillis()))
                .lastModifiedTime(ConnectionViews.instant(d.lastModifiedMillis())).build()).toList();
        return ListApiDestinationsResponse.builder().apiDestinations(items).nextToken(page.nextToken()).build();
    }

    Optional<DestinationRecord> find(Scope scope, String name) {
        return table.get(scope.key(name));
    }

    private DestinationRecord require(Scope scope, String name, String action) {
        return find(scope, name).orElseThrow(() -> new AwsException(AwsError.EVENTS_RESOURCE_NOT_FOUND,
                "Failed to " + action + " the api-destination(s). An api-destination '" + name + "' does not exist."));
    }

    private void requireConnection(Scope scope, String connectionArn) {
        if (connections.byArn(scope, connectionArn).isEmpty()) {
            String name = connectionArn.replaceFirst("^.*:connection/([^/]+)/.*$", "$1");
            throw new AwsException(AwsError.EVENTS_RESOURCE_NOT_FOUND,
                    "Failed to describe the connection(s). Connection '" + name + "' does not exist.");
        }
    }

    private static void validateName(String name) {
        new Violations().required("name", name).length("name", name, 1, 64)
                .pattern("name", name, ConnectionValidation.NAME).throwIfAny(AwsError.EVENTS_VALIDATION);
    }

    private static void validate(Violations v, String name, String description, String connectionArn,
            String endpoint, String method, Integer rate, boolean create) {
        v.length("name", name, 1, 64).pattern("name", name, ConnectionValidation.NAME)
                .length("description", description, 0, 512);
        if (create) {
            v.required("connectionArn", connectionArn);
        }
        v.length("connectionArn", connectionArn, 1, 1600).pattern("connectionArn", connectionArn, CONNECTION_ARN);
        if (create) {
            v.required("invocationEndpoint", endpoint);
        }
        ConnectionValidation.endpoint(v, "invocationEndpoint", endpoint);
        if (create) {
            v.required("httpMethod", method);
        }
        v.oneOf("httpMethod", method, METHODS).range("invocationRateLimitPerSecond", rate, 1, Integer.MAX_VALUE)
                .throwIfAny(AwsError.EVENTS_VALIDATION);
        if (rate != null && rate > MAX_RATE) {
            throw new AwsException(AwsError.EVENTS_LIMIT_EXCEEDED,
                    "InvocationRateLimitPerSecond must be less than or equal to " + MAX_RATE + ".");
        }
        if (endpoint != null && !endpoint.startsWith("https://") && !endpoint.startsWith("http://")) {
            throw new AwsException(AwsError.EVENTS_VALIDATION, "Invalid InvocationEndpoint: " + endpoint);
        }
    }
}
