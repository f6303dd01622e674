package io.watchpost.cloudwatch.metrics;

import static io.watchpost.cloudwatch.metrics.MetricsHarness.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchpost.core.AwsError;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.DimensionFilter;
import software.amazon.awssdk.services.cloudwatch.model.ListMetricsRequest;
import software.amazon.awssdk.services.cloudwatch.model.ListMetricsResponse;
import software.amazon.awssdk.services.cloudwatch.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.cloudwatch.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.RecentlyActive;
import software.amazon.awssdk.services.cloudwatch.model.Tag;
import software.amazon.awssdk.services.cloudwatch.model.TagResourceRequest;
import software.amazon.awssdk.services.cloudwatch.model.UntagResourceRequest;

class ListMetricsAndTagsTest {
    static final String DASHBOARD = "arn:aws:cloudwatch::111122223333:dashboard/ops";

    @TempDir
    Path dir;

    private MetricsHarness harness;

    @BeforeEach
    void setUp() throws Exception {
        harness = new MetricsHarness(dir);
        harness.service().registerTaggable("dashboard/", arn -> arn.resource().equals("dashboard/ops"));
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
    }

    private void put(String namespace, String name, Dimension... dimensions) {
        harness.call(PutMetricDataRequest.builder().namespace(namespace).metricData(MetricDatum.builder()
                .metricName(name).dimensions(dimensions).value(1.0).build()).build());
    }

    private static Dimension dim(String name, String value) {
        return Dimension.builder().name(name).value(value).build();
    }

    private ListMetricsResponse list(ListMetricsRequest request) {
        return harness.call(request);
    }

    @Test
    void filtersByNamespaceNameAndDimensions() {
        put("App", "Latency", dim("Host", "a"));
        put("App", "Latency", dim("Host", "b"), dim("Az", "1"));
        put("App", "Errors");
        put("Other", "Latency", dim("Host", "a"));
        assertThat(list(ListMetricsRequest.builder().build()).metrics()).hasSize(4);
        assertThat(list(ListMetricsRequest.builder().namespace("App").metricName("Latency").build()).metrics())
                .hasSize(2);
        List<Metric> withHost = list(ListMetricsRequest.builder().namespace("App")
                .dimensions(DimensionFilter.builder().name("Host").build()).build()).metrics();
        assertThat(withHost).hasSize(2);
        List<Metric> hostB = list(ListMetricsRequest.builder()
                .dimensions(DimensionFilter.builder().name("Host").value("b").build()).build()).metrics();
        assertThat(hostB).singleElement().satisfies(m -> assertThat(m.dimensions())
                .containsExactly(dim("Az", "1"), dim("Host", "b")));
    }

    @Test
    void recentlyActiveAndTwoWeekHorizon() {
        put("App", "Old");
        harness.clock.advance(Duration.ofHours(4));
        put("App", "New");
        assertThat(list(ListMetricsRequest.builder().recentlyActive(RecentlyActive.PT3_H).build()).metrics())
                .extracting(Metric::metricName).containsExactly("New");
        harness.clock.advance(Duration.ofDays(14).minusHours(3));
        assertThat(list(ListMetricsRequest.builder().build()).metrics()).extracting(Metric::metricName)
                .containsExactly("New");
    }

    @Test
    void pagesOf500() throws Exception {
        List<MetricDatum> data = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            data.add(MetricDatum.builder().metricName("M").dimensions(dim("N", String.format("%04d", i))).value(1.0)
                    .build());
        }
        harness.call(PutMetricDataRequest.builder().namespace("App").metricData(data.subList(0, 1000)).build());
        harness.call(PutMetricDataRequest.builder().namespace("App").metricData(data.subList(1000, 1001)).build());
        harness.reopen();
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            ListMetricsResponse page = list(ListMetricsRequest.builder().nextToken(token).build());
            assertThat(page.metrics().size()).isLessThanOrEqualTo(500);
            page.metrics().forEach(m -> seen.add(m.dimensions().getFirst().value()));
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(1001).isSorted().doesNotHaveDuplicates();
        assertAwsError(() -> list(ListMetricsRequest.builder().nextToken("bogus").build()),
                AwsError.CW_INVALID_PARAMETER_VALUE, "Invalid NextToken.");
    }

    @Test
    void tagsOfExistingResourcesSurviveRestart() throws Exception {
        harness.call(TagResourceRequest.builder().resourceARN(DASHBOARD)
                .tags(Tag.builder().key("team").value("a").build(), Tag.builder().key("env").value("p").build())
                .build());
        harness.call(UntagResourceRequest.builder().resourceARN(DASHBOARD).tagKeys("env", "absent").build());
        harness.reopen();
        harness.service().registerTaggable("dashboard/", arn -> arn.resource().equals("dashboard/ops"));
        ListTagsForResourceResponse tags = harness.call(ListTagsForResourceRequest.builder().resourceARN(DASHBOARD)
                .build());
        assertThat(tags.tags()).containsExactly(Tag.builder().key("team").value("a").build());
    }

    @Test
    void unknownResourcesAreNotFound() {
        String missing = "arn:aws:cloudwatch:us-east-1:111122223333:alarm:nope";
        assertAwsError(() -> harness.call(ListTagsForResourceRequest.builder().resourceARN(missing).build()),
                AwsError.CW_RESOURCE_NOT_FOUND_EXCEPTION, "The specified resource " + missing + " does not exist.");
        assertAwsError(() -> harness.call(TagResourceRequest.builder().resourceARN(DASHBOARD).build()),
                AwsError.CW_VALIDATION_ERROR, "1 validation error detected: Value null at 'tags' failed to satisfy "
                        + "constraint: Member must not be null");
    }
}
