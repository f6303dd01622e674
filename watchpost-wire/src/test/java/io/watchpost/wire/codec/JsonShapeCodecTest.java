package io.watchpost.wire.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.cloudwatch.model.DashboardEntry;
import software.amazon.awssdk.services.cloudwatch.model.ListDashboardsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupRequest;

class JsonShapeCodecTest {
    private static CreateLogGroupRequest decode(String json) {
        SdkPojo builder = (SdkPojo) CreateLogGroupRequest.builder();
        JsonShapeDecoder.fill(builder, Mappers.read(Mappers.JSON, json.getBytes(StandardCharsets.UTF_8)), f -> true);
        return (CreateLogGroupRequest) Pojos.build(builder);
    }

    @Test
    void decodesMembersAndIgnoresUnknownOnes() {
        CreateLogGroupRequest request = decode(
                "{\"logGroupName\":\"/app\",\"tags\":{\"team\":\"a\"},\"deletionProtectionEnabled\":true,\"x\":1}");
        assertThat(request.logGroupName()).isEqualTo("/app");
        assertThat(request.tags()).containsEntry("team", "a");
        assertThat(request.deletionProtectionEnabled()).isTrue();
    }

    @Test
    void rejectsWrongTypesMalformedBodiesAndDeepNesting() {
        assertThatThrownBy(() -> decode("{\"logGroupName\":5}")).isInstanceOf(CodecException.class);
        assertThatThrownBy(() -> decode("{\"logGroupName\":")).isInstanceOf(CodecException.class);
        assertThatThrownBy(() -> decode("[1]")).isInstanceOf(CodecException.class);
        assertThatThrownBy(() -> decode("{\"tags\":" + "[".repeat(200) + "]".repeat(200) + "}"))
                .isInstanceOf(CodecException.class).hasMessageContaining("limit");
    }

    @Test
    void encodesTimestampsAsEpochSecondsInJsonAndTaggedInCbor() throws Exception {
        ListDashboardsResponse response = ListDashboardsResponse.builder()
                .dashboardEntries(DashboardEntry.builder().dashboardName("d").size(10L)
                        .lastModified(Instant.parse("2026-11-24T07:00:00.250Z")).build())
                .build();
        String text = new String(write(Mappers.JSON, response), StandardCharsets.UTF_8);
        assertThat(text).contains("\"LastModified\":1795503600.250");
        JsonNode json = new ObjectMapper().readTree(text);
        assertThat(json.has("NextToken")).isFalse();
        JsonNode cbor = Mappers.CBOR.readTree(write(Mappers.CBOR, response));
        assertThat(cbor.at("/DashboardEntries/0/Size").longValue()).isEqualTo(10L);
        assertThat(cbor.at("/DashboardEntries/0/LastModified").doubleValue()).isEqualTo(1795503600.25);
    }

    @Test
    void httpDatesHaveTwoDigitDays() {
        assertThat(Timestamps.rfc822(Instant.parse("2026-03-01T07:00:00Z"))).isEqualTo("Sun, 01 Mar 2026 07:00:00 GMT");
    }

    private static byte[] write(ObjectMapper mapper, SdkPojo pojo) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator out = mapper.getFactory().createGenerator(bytes)) {
            JsonShapeEncoder.writeObject(out, pojo, f -> true);
        }
        return bytes.toByteArray();
    }
}
