package io.watchpost.events.apidestination;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.PageTokens;
import io.watchpost.core.RequestContext;
import io.watchpost.core.Scope;
import io.watchpost.events.Violations;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.services.eventbridge.model.CreateConnectionRequest;
import software.amazon.awssdk.services.eventbridge.model.CreateConnectionResponse;
import software.amazon.awssdk.services.eventbridge.model.DeauthorizeConnectionRequest;
import software.amazon.awssdk.services.eventbridge.model.DeauthorizeConnectionResponse;
import software.amazon.awssdk.services.eventbridge.model.DeleteConnectionRequest;
import software.amazon.awssdk.services.eventbridge.model.DeleteConnectionResponse;
import software.amazon.awssdk.services.eventbridge.model.DescribeConnectionRequest;
import software.amazon.awssdk.services.eventbridge.model.DescribeConnectionResponse;
import software.amazon.awssdk.services.eventbridge.model.ListConnectionsRequest;
import software.amazon.awssdk.services.eventbridge.model.ListConnectionsResponse;
import software.amazon.awssdk.services.eventbridge.model.UpdateConnectionRequest;
import software.amazon.awssdk.services.eventbridge.model.UpdateConnectionResponse;

/**
 * CreateConnection, DescribeConnection, UpdateConnection, DeleteConnection, ListConnections, DeauthorizeConnection.
 * Basic and API-key connections are AUTHORIZED at once; an OAuth connection is AUTHORIZING until the invoker has
 * fetched its first token. Deauthorizing keeps the connection but drops its credentials' use until it is updated.
 */
final class ConnectionOperations {
    private final Connections connections;
    private final Clock clock;
    private final PageTokens pageTokens;
    private final Supplier<String> uuids;
    private final Supplier<String> secretSuffixes;

    ConnectionOperations(Connections connections, Clock clock, PageTokens pageTokens, Supplier<String> uuids,
            Supplier<String> secretSuffixes) {
        this.connections = connections;
        this.clock = clock;
        this.pageTokens = pageTokens;
        this.uuids = uuids;
        this.secretSuffixes = secretSuffixes;
    }

    CreateConnectionResponse create(RequestContext context, CreateConnectionRequest request) {
        ConnectionValidation.create(request);
        Scope scope = context.scope();
        long now = clock.millis();
        var auth = request.authParameters();
        String type = request.authorizationTypeAsString();
        ConnectionRecord connection = ConnectionUpdates.initialState(new ConnectionRecord(request.name(),
                uuids.get(), secretSuffixes.get(), request.description(), type, "CREATING", null,
                auth.basicAuthParameters() == null ? null : auth.basicAuthParameters().username(),
                auth.basicAuthParameters() == null ? null : auth.basicAuthParameters().password(),
                auth.apiKeyAuthParameters() == null ? null : auth.apiKeyAuthParameters().apiKeyName(),
                auth.apiKeyAuthParameters() == null ? null : auth.apiKeyAuthParameters().apiKeyValue(),
                ConnectionUpdates.oauth(auth.oAuthParameters()),
                HttpParamsCodec.fromApi(auth.invocationHttpParameters()), request.kmsKeyIdentifier(), now, now,
                null), now);
        if (connections.table().putIfAbsent(scope.key(request.name()), connection).isPresent()) {
            throw new AwsException(AwsError.EVENTS_RESOURCE_ALREADY_EXISTS,
                    "Connection " + request.name() + " already exists.");
        }
        return CreateConnectionResponse.builder().connectionArn(Connections.arn(scope, connection))
                .connectionState(connection.state()).creationTime(ConnectionViews.instant(now))
                .lastModifiedTime(ConnectionViews.instant(now)).build();
    }

    DescribeConnectionResponse describe(RequestContext context, DescribeConnectionRequest request) {
        ConnectionValidation.name(request.name());
        Scope scope = context.scope();
        return ConnectionViews.described(scope, connections.require(scope, request.name()));
    }

    UpdateConnectionResponse update(RequestContext context, UpdateConnectionRequest request) {
        ConnectionValidation.update(request);
        Scope scope = context.scope();
        ConnectionRecord updated = ConnectionUpdates.apply(connections.require(scope, request.name()), request,
                clock.millis());
        connections.put(scope, updated);
        return UpdateConnectionResponse.builder().connectionArn(Connections.arn(scope, updated))
                .connectionState(updated.state()).creationTime(ConnectionViews.instant(updated.creationMillis()))
                .lastModifiedTime(ConnectionViews.instant(updated.lastModifiedMillis()))
                .lastAuthorizedTime(ConnectionViews.instant(updated.lastAuthorizedMillis())).build();
    }

    DeleteConnectionResponse delete(RequestContext context, DeleteConnectionRequest request) {
        ConnectionValidation.name(request.name());
        Scope scope = context.scope();
        ConnectionRecord connection = connections.require(scope, request.name());
        connections.table().remove(scope.key(request.name()));
        return DeleteConnectionResponse.builder().connectionArn(Connections.arn(scope, connection))
                .connectionState("DELETING").creationTime(ConnectionViews.instant(connection.creationMillis()))
                .lastModifiedTime(ConnectionViews.instant(connection.lastModifiedMillis()))
                .lastAuthorizedTime(ConnectionViews.instant(connection.lastAuthorizedMillis())).build();
    }

    DeauthorizeConnectionResponse deauthorize(RequestContext context, DeauthorizeConnectionRequest request) {
        ConnectionValidation.name(request.name());
        Scope scope = context.scope();
        ConnectionRecord connection = connections.require(scope, request.name());
        long now = clock.millis();
        ConnectionRecord deauthorized = connection.withState("DEAUTHORIZED", null, now,
                connection.lastAuthorizedMillis());
        connections.put(scope, deauthorized);
        return DeauthorizeConnectionResponse.builder().connectionArn(Connections.arn(scope, connection))
                .connectionState("DEAUTHORIZING").creationTime(ConnectionViews.instant(connection.creationMillis()))
                .lastModifiedTime(ConnectionViews.instant(now))
                .lastAuthorizedTime(ConnectionViews.instant(connection.lastAuthorizedMillis())).build();
    }

    ListConnectionsResponse list(RequestContext context, ListConnectionsRequest request) {
        new Violations().length("namePrefix", request.namePrefix(), 1, 64)
                .pattern("namePrefix", request.namePrefix(), ConnectionValidation.NAME)
                .oneOf("connectionState", request.connectionStateAsString(), ConnectionValidation.STATES)
                .length("nextToken", request.nextToken(), 1, 2048)
                .range("limit", request.limit(), 1, 100)
                .throwIfAny(AwsError.EVENTS_VALIDATION);
        Scope scope = context.scope();
        String prefix = request.namePrefix() == null ? "" : request.namePrefix();
        String state = request.connectionStateAsString();
        Paging.Page<ConnectionRecord> page = Paging.page(connections.table().view(), scope, pageTokens,
                request.nextToken(), request.limit(),
                c -> c.name().startsWith(prefix) && (state == null || state.equals(c.state())),
                ConnectionRecord::name);
        List<software.amazon.awssdk.services.eventbridge.model.Connection> items = page.items().stream()
                .map(c -> ConnectionViews.listed(scope, c)).toList();
        return ListConnectionsResponse.builder().connections(items).nextToken(page.nextToken()).build();
    }
}
