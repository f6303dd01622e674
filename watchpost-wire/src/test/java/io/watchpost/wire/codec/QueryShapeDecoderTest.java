package io.watchpost.wire.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;

class QueryShapeDecoderTest {
    private static PutMetricDataRequest decode(Map<String, String> parameters) {
        SdkPojo builder = (SdkPojo) PutMetricDataRequest.builder();
        QueryShapeDecoder.fill(builder, parameters);
        return (PutMetricDataRequest) Pojos.build(builder);
    }

    @Test
    void decodesNestedListsInIndexOrder() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("Namespace", "App");
        parameters.put("MetricData.member.2.MetricName", "Second");
        parameters.put("MetricData.member.1.MetricName", "Latency");
        parameters.put("MetricData.member.1.Value", "12.5");
        parameters.put("MetricData.member.1.Unit", "Milliseconds");
        parameters.put("MetricData.member.1.Timestamp", "2026-11-24T07:00:00Z");
        parameters.put("MetricData.member.1.Dimensions.member.1.Name", "Host");
        parameters.put("MetricData.member.1.Dimensions.member.1.Value", "a");
        parameters.put("MetricData.member.1.Values.member.1", "1");
        parameters.put("MetricData.member.1.Values.member.2", "2");
        PutMetricDataRequest request = decode(parameters);
        assertThat(request.namespace()).isEqualTo("App");
        assertThat(request.metricData()).hasSize(2);
        var first = request.metricData().get(0);
        assertThat(first.metricName()).isEqualTo("Latency");
        assertThat(first.value()).isEqualTo(12.5);
        assertThat(first.unit()).isEqualTo(StandardUnit.MILLISECONDS);
        assertThat(first.timestamp()).isEqualTo(Instant.parse("2026-11-24T07:00:00Z"));
        assertThat(first.dimensions().get(0).name()).isEqualTo("Host");
        assertThat(first.values()).containsExactly(1.0, 2.0);
        assertThat(request.metricData().get(1).metricName()).isEqualTo("Second");
    }

    @Test
    void rejectsBadNumbersIndexesAndDepth() {
        assertThatThrownBy(() -> decode(Map.of("MetricData.member.1.Value", "abc")))
                .isInstanceOf(CodecException.class).hasMessageContaining("Value");
        assertThatThrownBy(() -> decode(Map.of("MetricData.member.x.MetricName", "a")))
                .isInstanceOf(CodecException.class).hasMessageContaining("index");
        assertThatThrownBy(() -> decode(Map.of("a.".repeat(40) + "b", "c")))
                .isInstanceOf(CodecException.class).hasMessageContaining("deeply");
    }
}
