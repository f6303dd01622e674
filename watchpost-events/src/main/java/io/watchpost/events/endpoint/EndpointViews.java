package io.watchpost.events.endpoint;

import io.watchpost.core.Scope;
import java.time.Instant;
import java.util.random.RandomGenerator;
import software.amazon.awssdk.services.eventbridge.model.CreateEndpointResponse;
import software.amazon.awssdk.services.eventbridge.model.DescribeEndpointResponse;
import software.amazon.awssdk.services.eventbridge.model.Endpoint;
import software.amazon.awssdk.services.eventbridge.model.EndpointEventBus;
import software.amazon.awssdk.services.eventbridge.model.FailoverConfig;
import software.amazon.awssdk.services.eventbridge.model.ReplicationConfig;
import software.amazon.awssdk.services.eventbridge.model.RoutingConfig;
import software.amazon.awssdk.services.eventbridge.model.UpdateEndpointResponse;

/**
 * Endpoint responses. The id is the URL subdomain, {@code abcde.veo} in the API reference's example: five lowercase
 * letters or digits, a dot, three lowercase letters; the URL is {@code https://<id>.endpoint.events.amazonaws.com}.
 */
final class EndpointViews {
    private static final String ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";

    private EndpointViews() {}

    static String newId(RandomGenerator random) {
        StringBuilder id = new StringBuilder(9);
        for (int i = 0; i < 5; i++) {
            id.append(ALNUM.charAt(random.nextInt(ALNUM.length())));
        }
        id.append('.');
        for (int i = 0; i < 3; i++) {
            id.append((char) ('a' + random.nextInt(26)));
        }
        return id.toString();
    }

    static String url(EndpointRecord e) {
        return "https://" + e.endpointId() + ".endpoint.events.amazonaws.com";
    }

    static String arn(Scope scope, EndpointRecord e) {
        // The ARN names the endpoint's home region: the region it was created in.
        return scope.arn("events", "endpoint/" + e.name()).toString();
    }

    static RoutingConfig routing(EndpointRecord e) {
        return RoutingConfig.builder().failoverConfig(FailoverConfig.builder()
                .primary(p -> p.healthCheck(e.healthCheck())).secondary(s -> s.route(e.route())).build()).build();
    }

    static java.util.List<EndpointEventBus> buses(EndpointRecord e) {
        return e.eventBusArns().stream().map(arn -> EndpointEventBus.builder().eventBusArn(arn).build()).toList();
    }

    static ReplicationConfig replication(EndpointRecord e) {
        return ReplicationConfig.builder().state(e.replicationState()).build();
    }

    static CreateEndpointResponse created(Scope scope, EndpointRecord e) {
        return CreateEndpointResponse.builder().name(e.name()).arn(arn(scope, e)).routingConfig(routing(e))
                .replicationConfig(replication(e)).eventBuses(buses(e)).roleArn(e.roleArn()).state(e.state()).build();
    }

    static UpdateEndpointResponse updated(Scope scope, EndpointRecord e) {
        return UpdateEndpointResponse.builder().name(e.name()).arn(arn(scope, e)).routingConfig(routing(e))
                .replicationConfig(replication(e)).eventBuses(buses(e)).roleArn(e.roleArn())
                .endpointId(e.endpointId()).endpointUrl(url(e)).state(e.state()).build();
    }

    static DescribeEndpointResponse described(Scope scope, EndpointRecord e) {
        return DescribeEndpointResponse.builder().name(e.name()).description(e.description()).arn(arn(scope, e))
                .routingConfig(routing(e)).replicationConfig(replication(e)).eventBuses(buses(e)).roleArn(e.roleArn())
                .endpointId(e.endpointId()).endpointUrl(url(e)).state(e.state())
                .creationTime(Instant.ofEpochMilli(e.creationMillis()))
                .lastModifiedTime(Instant.ofEpochMilli(e.lastModifiedMillis())).build();
    }

    static Endpoint listed(Scope scope, EndpointRecord e) {
        return Endpoint.builder().name(e.name()).description(e.description()).arn(arn(scope, e))
                .routingConfig(routing(e)).replicationConfig(replication(e)).eventBuses(buses(e)).roleArn(e.roleArn())
                .endpointId(e.endpointId()).endpointUrl(url(e)).state(e.state())
                .creationTime(Instant.ofEpochMilli(e.creationMillis()))
                .lastModifiedTime(Instant.ofEpochMilli(e.lastModifiedMillis())).build();
    }
}
