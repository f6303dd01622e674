package io.watchpost.events;

import io.watchpost.core.Scope;
import java.time.Instant;
import software.amazon.awssdk.services.eventbridge.model.CreateEventBusResponse;
import software.amazon.awssdk.services.eventbridge.model.DeadLetterConfig;
import software.amazon.awssdk.services.eventbridge.model.DescribeEventBusResponse;
import software.amazon.awssdk.services.eventbridge.model.EventBus;
import software.amazon.awssdk.services.eventbridge.model.LogConfig;
import software.amazon.awssdk.services.eventbridge.model.UpdateEventBusResponse;

/** Renders stored buses as the SDK shapes EventBridge answers with; absent members stay absent. */
final class BusViews {
    private BusViews() {}

    static String arn(Scope scope, String name) {
        return scope.arn("events", "event-bus/" + name).toString();
    }

    static CreateEventBusResponse created(Scope scope, BusRecord bus) {
        return CreateEventBusResponse.builder()
                .eventBusArn(arn(scope, bus.name()))
                .description(bus.description())
                .kmsKeyIdentifier(bus.kmsKeyIdentifier())
                .deadLetterConfig(deadLetterConfig(bus))
                .logConfig(logConfig(bus))
                .build();
    }

    static UpdateEventBusResponse updated(Scope scope, BusRecord bus) {
        return UpdateEventBusResponse.builder()
                .arn(arn(scope, bus.name()))
                .name(bus.name())
                .description(bus.description())
                .kmsKeyIdentifier(bus.kmsKeyIdentifier())
                .deadLetterConfig(deadLetterConfig(bus))
                .logConfig(logConfig(bus))
                .build();
    }

    static DescribeEventBusResponse described(Scope scope, BusRecord bus) {
        return DescribeEventBusResponse.builder()
                .name(bus.name())
                .arn(arn(scope, bus.name()))
                .description(bus.description())
                .kmsKeyIdentifier(bus.kmsKeyIdentifier())
                .deadLetterConfig(deadLetterConfig(bus))
                .policy(bus.policy())
                .logConfig(logConfig(bus))
                .creationTime(instant(bus.creationMillis()))
                .lastModifiedTime(instant(bus.lastModifiedMillis()))
                .build();
    }

    static EventBus listed(Scope scope, BusRecord bus) {
        return EventBus.builder()
                .name(bus.name())
                .arn(arn(scope, bus.name()))
                .description(bus.description())
                .policy(bus.policy())
                .creationTime(instant(bus.creationMillis()))
                .lastModifiedTime(instant(bus.lastModifiedMillis()))
                .build();
    }

    private static DeadLetterConfig deadLetterConfig(BusRecord bus) {
        return bus.deadLetterArn() == null ? null : DeadLetterConfig.builder().arn(bus.deadLetterArn()).build();
    }

    private static LogConfig logConfig(BusRecord bus) {
        if (bus.logLevel() == null && bus.logIncludeDetail() == null) {
            return null;
        }
        return LogConfig.builder().level(bus.logLevel()).includeDetail(bus.logIncludeDetail()).build();
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
