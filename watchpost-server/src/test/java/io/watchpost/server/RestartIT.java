package io.watchpost.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.DashboardEntry;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBus;
import software.amazon.awssdk.services.schemas.SchemasClient;
import software.amazon.awssdk.services.schemas.model.RegistrySummary;
import software.amazon.awssdk.services.xray.XRayClient;

/** One resource per service survives a restart on the same data directory; a reset removes them all. */
class RestartIT {
    @Test
    void resourcesSurviveARestartAndResetWipesThem(@TempDir Path dataDir) throws Exception {
        try (TestServer server = TestServer.start(dataDir)) {
            create(server);
            server.restart();
            assertPresent(server, true);
            RawHttp.post(server.endpoint(), "/moto-api/reset", new byte[0]);
            assertPresent(server, false);
            server.restart();
            assertPresent(server, false);
        }
    }

    private static void create(TestServer server) {
        try (CloudWatchClient cloudWatch = server.client(CloudWatchClient.builder());
                CloudWatchLogsClient logs = server.client(CloudWatchLogsClient.builder());
                EventBridgeClient events = server.client(EventBridgeClient.builder());
                XRayClient xray = server.client(XRayClient.builder());
                SchemasClient schemas = server.client(SchemasClient.builder())) {
            cloudWatch.putDashboard(r -> r.dashboardName("kept").dashboardBody("{\"widgets\":[]}"));
            logs.createLogGroup(r -> r.logGroupName("/kept"));
            events.createEventBus(r -> r.name("kept-bus"));
            xray.createSamplingRule(r -> r.samplingRule(rule -> rule.ruleName("kept-rule").priority(10)
                    .fixedRate(0.1).reservoirSize(1).serviceName("*").serviceType("*").host("*").httpMethod("*")
                    .urlPath("*").resourceARN("*").version(1)));
            schemas.createRegistry(r -> r.registryName("kept-registry"));
        }
    }

    private static void assertPresent(TestServer server, boolean present) {
        try (CloudWatchClient cloudWatch = server.client(CloudWatchClient.builder());
                CloudWatchLogsClient logs = server.client(CloudWatchLogsClient.builder());
                EventBridgeClient events = server.client(EventBridgeClient.builder());
                XRayClient xray = server.client(XRayClient.builder());
                SchemasClient schemas = server.client(SchemasClient.builder())) {
            assertThat(cloudWatch.listDashboards().dashboardEntries().stream().map(DashboardEntry::dashboardName)
                    .anyMatch("kept"::equals)).isEqualTo(present);
            assertThat(logs.describeLogGroups().logGroups().stream().map(LogGroup::logGroupName)
                    .anyMatch("/kept"::equals)).isEqualTo(present);
            assertThat(events.listEventBuses(r -> { }).eventBuses().stream().map(EventBus::name)
                    .anyMatch("kept-bus"::equals)).isEqualTo(present);
            assertThat(xray.getSamplingRules(r -> { }).samplingRuleRecords().stream()
                    .map(record -> record.samplingRule().ruleName()).toList())
                    .contains("Default").satisfies(names -> assertThat(names.contains("kept-rule"))
                            .isEqualTo(present));
            assertThat(schemas.listRegistries(r -> { }).registries().stream().map(RegistrySummary::registryName)
                    .anyMatch("kept-registry"::equals)).isEqualTo(present);
        }
    }
}
