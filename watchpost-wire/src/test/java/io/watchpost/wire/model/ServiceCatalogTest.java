package io.watchpost.wire.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceCatalogTest {
    private final ServiceCatalog catalog = ServiceCatalog.standard();

    @Test
    void knowsEveryOperationOfTheSixServicesFromTheSdk() {
        assertThat(catalog.services()).extracting(ServiceModel::endpointPrefix)
                .containsExactly("monitoring", "logs", "events", "cloudtrail", "xray", "schemas", "s3");
        ServiceModel logs = catalog.service("logs").orElseThrow();
        assertThat(logs.operation("CreateLogGroup")).isPresent();
        assertThat(logs.operation("StartLiveTail")).as("event-stream operations come from the async client")
                .isPresent();
        assertThat(catalog.service("monitoring").orElseThrow().operations().names())
                .contains("PutMetricData", "GetMetricData", "PutDashboard", "PutMetricAlarm");
    }

    @Test
    void readsRestBindingsFromTheSdkMarshallers() {
        OperationModel create = catalog.service("schemas").orElseThrow().operation("CreateRegistry").orElseThrow();
        assertThat(create.httpMethod()).isEqualTo("POST");
        assertThat(create.successStatus()).isEqualTo(201);
        UriTemplate uri = create.uri().orElseThrow();
        assertThat(uri.match("/v1/registries/name/my%20reg", Map.of())).contains(Map.of("registryName", "my reg"));
        assertThat(uri.match("/v1/registries/name", Map.of())).isEmpty();
        OperationModel rules = catalog.service("xray").orElseThrow().operation("GetSamplingRules").orElseThrow();
        assertThat(rules.uri().orElseThrow().text()).isEqualTo("/GetSamplingRules");
    }

    @Test
    void greedyTemplatesTakeTheRestOfThePath() {
        UriTemplate template = UriTemplate.parse("/{Bucket}/{Key+}?tagging");
        assertThat(template.match("/b/a/b%2Fc.txt", Map.of("tagging", List.of("")))).contains(
                Map.of("Bucket", "b", "Key", "a/b/c.txt"));
        assertThat(template.match("/b/a", Map.of())).isEmpty();
    }
}
