package io.watchpost.xray.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpanTranslatorTest {
    static final String TRACE = "67c2f6d0a1b2c3d4e5f60718293a4b5c";
    static final long START = 1_740_830_400_000_000_000L; // 2025-03-01T12:00:00Z

    static OtlpSpan span(String spanId, String parent, int kind, Map<String, Object> attributes, int status,
            String message, List<OtlpSpan.Event> events) {
        return new OtlpSpan(Map.of("service.name", "checkout", "telemetry.sdk.language", "java",
                "cloud.provider", "aws", "cloud.platform", "aws_ecs", "aws.ecs.launchtype", "fargate"),
                TRACE, spanId, parent, "GET /cart", kind, START, START + 250_000_000L, attributes, events, status,
                message);
    }

    private static ObjectNode document(OtlpSpan span) {
        SpanTranslator.Result result = SpanTranslator.translate(span);
        assertThat(result).isInstanceOf(SpanTranslator.Translated.class);
        return ((SpanTranslator.Translated) result).document();
    }

    @Test
    void serverSpanBecomesASegmentNamedByTheService() {
        ObjectNode doc = document(span("00f067aa0ba902b7", "", OtlpSpan.KIND_SERVER, Map.of(
                "http.request.method", "POST", "url.scheme", "https", "server.address", "shop.example.com",
                "server.port", 8443L, "url.path", "/cart", "url.query", "id=7", "client.address", "10.0.0.9",
                "user_agent.original", "curl/8", "http.response.status_code", 500L), 2, "", List.of()));
        assertThat(doc.get("trace_id").asText()).isEqualTo("1-67c2f6d0-a1b2c3d4e5f60718293a4b5c");
        assertThat(doc.get("id").asText()).isEqualTo("00f067aa0ba902b7");
        assertThat(doc.get("name").asText()).isEqualTo("checkout");
        assertThat(doc.has("type")).isFalse();
        assertThat(doc.has("parent_id")).isFalse();
        assertThat(doc.get("origin").asText()).isEqualTo("AWS::ECS::Fargate");
        assertThat(doc.get("start_time").asDouble()).isEqualTo(1_740_830_400.0);
        assertThat(doc.get("end_time").asDouble()).isEqualTo(1_740_830_400.25);
        JsonNode http = doc.get("http");
        assertThat(http.at("/request/method").asText()).isEqualTo("POST");
        assertThat(http.at("/request/url").asText()).isEqualTo("https://shop.example.com:8443/cart?id=7");
        assertThat(http.at("/request/client_ip").asText()).isEqualTo("10.0.0.9");
        assertThat(http.at("/request/user_agent").asText()).isEqualTo("curl/8");
        assertThat(http.at("/response/status").asInt()).isEqualTo(500);
        assertThat(doc.get("fault").asBoolean()).isTrue();
        assertThat(doc.get("error").asBoolean()).isFalse();
        assertThat(doc.at("/metadata/default/otel.resource.service.name").asText()).isEqualTo("checkout");
        assertThat(doc.at("/metadata/default").has("http.request.method")).isFalse();
    }

    @Test
    void clientSpanBecomesARemoteSubsegmentOfItsParent() {
        ObjectNode doc = document(span("1111111111111111", "00f067aa0ba902b7", OtlpSpan.KIND_CLIENT, Map.of(
                "peer.service", "payments", "http.method", "GET", "http.url", "http://pay/charge",
                "http.status_code", 429L), 0, "", List.of()));
        assertThat(doc.get("type").asText()).isEqualTo("subsegment");
        assertThat(doc.get("parent_id").asText()).isEqualTo("00f067aa0ba902b7");
        assertThat(doc.get("name").asText()).isEqualTo("payments");
        assertThat(doc.get("namespace").asText()).isEqualTo("remote");
        assertThat(doc.has("origin")).isFalse();
        assertThat(doc.at("/http/request/url").asText()).isEqualTo("http://pay/charge");
        assertThat(doc.get("error").asBoolean()).isTrue();
        assertThat(doc.get("throttle").asBoolean()).isTrue();
        assertThat(doc.get("fault").asBoolean()).isFalse();
        assertThat(doc.at("/metadata/default").has("otel.resource.service.name")).isFalse();
    }

    @Test
    void awsSdkSpansAreInTheAwsNamespace() {
        ObjectNode doc = document(span("2222222222222222", "00f067aa0ba902b7", OtlpSpan.KIND_CLIENT, Map.of(
                "rpc.system", "aws-api", "rpc.service", "DynamoDB", "rpc.method", "GetItem",
                "aws.table_name", "orders", "aws.region", "eu-west-1"), 0, "", List.of()));
        assertThat(doc.get("name").asText()).isEqualTo("DynamoDB");
        assertThat(doc.get("namespace").asText()).isEqualTo("aws");
        assertThat(doc.at("/aws/operation").asText()).isEqualTo("GetItem");
        assertThat(doc.at("/aws/table_name").asText()).isEqualTo("orders");
        assertThat(doc.at("/aws/region").asText()).isEqualTo("eu-west-1");
    }

    @Test
    void errorStatusIsAFaultAndExceptionsBecomeTheCause() {
        String stack = "java.lang.IllegalStateException: boom\n\tat com.shop.Cart.add(Cart.java:42)\n"
                + "\tat java.base/java.lang.Thread.run(Thread.java:1583)\n";
        ObjectNode doc = document(span("3333333333333333", "", OtlpSpan.KIND_INTERNAL, Map.of(), 2, "failed",
                List.of(new OtlpSpan.Event("exception", START + 1, Map.of("exception.type",
                        "java.lang.IllegalStateException", "exception.message", "boom",
                        "exception.stacktrace", stack)))));
        assertThat(doc.get("fault").asBoolean()).isTrue();
        JsonNode exception = doc.at("/cause/exceptions/0");
        assertThat(exception.get("id").asText()).matches("[0-9a-f]{16}");
        assertThat(exception.get("type").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(exception.get("message").asText()).isEqualTo("boom");
        assertThat(exception.get("remote").asBoolean()).isFalse();
        assertThat(exception.at("/stack/0/label").asText()).isEqualTo("com.shop.Cart.add");
        assertThat(exception.at("/stack/0/path").asText()).isEqualTo("Cart.java");
        assertThat(exception.at("/stack/0/line").asInt()).isEqualTo(42);
        assertThat(exception.at("/stack/1/label").asText()).isEqualTo("java.lang.Thread.run");
    }

    @Test
    void errorStatusMessageIsTheCauseWithoutExceptionEvents() {
        ObjectNode doc = document(span("3333333333333333", "", OtlpSpan.KIND_SERVER, Map.of("http.status_code", 404L),
                2, "not found", List.of()));
        assertThat(doc.get("error").asBoolean()).isTrue();
        assertThat(doc.get("fault").asBoolean()).isFalse();
        assertThat(doc.at("/cause/exceptions/0/message").asText()).isEqualTo("not found");
    }

    @Test
    void annotationsAreTheAttributesNamedByAwsXrayAnnotations() {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("aws.xray.annotations", List.of("customer.tier", "retries"));
        attributes.put("customer.tier", "gold");
        attributes.put("retries", 3L);
        attributes.put("cart.size", 12L);
        attributes.put("enduser.id", "alice");
        attributes.put("aws.xray.metadata.orders", "{\"count\":2}");
        ObjectNode doc = document(span("4444444444444444", "", OtlpSpan.KIND_SERVER, attributes, 0, "", List.of()));
        assertThat(doc.at("/annotations/customer_tier").asText()).isEqualTo("gold");
        assertThat(doc.at("/annotations/retries").asLong()).isEqualTo(3);
        assertThat(doc.get("annotations").size()).isEqualTo(2);
        assertThat(doc.get("user").asText()).isEqualTo("alice");
        assertThat(doc.at("/metadata/default/cart.size").asLong()).isEqualTo(12);
        assertThat(doc.at("/metadata/orders/count").asInt()).isEqualTo(2);
        assertThat(doc.at("/metadata/default").has("aws.xray.annotations")).isFalse();
    }

    @Test
    void namesLoseCharactersXrayRefuses() {
        assertThat(SpanTranslator.fixName("GET /cart?id=<7>")).isEqualTo("GET /cartid=7");
        assertThat(SpanTranslator.fixName("!!!")).isEqualTo("span");
        assertThat(SpanTranslator.fixName("x".repeat(250))).hasSize(200);
    }

    @Test
    void invalidIdsAndTimesAreRefused() {
        OtlpSpan good = span("5555555555555555", "", OtlpSpan.KIND_SERVER, Map.of(), 0, "", List.of());
        assertThat(SpanTranslator.translate(new OtlpSpan(good.resource(), "0".repeat(32), good.spanId(), "", "x", 2,
                START, START, Map.of(), List.of(), 0, ""))).isInstanceOf(SpanTranslator.Refused.class);
        assertThat(SpanTranslator.translate(new OtlpSpan(good.resource(), TRACE, "abc", "", "x", 2,
                START, START, Map.of(), List.of(), 0, ""))).isInstanceOf(SpanTranslator.Refused.class);
        assertThat(SpanTranslator.translate(new OtlpSpan(good.resource(), TRACE, good.spanId(), "zz", "x", 2,
                START, START, Map.of(), List.of(), 0, ""))).isInstanceOf(SpanTranslator.Refused.class);
        assertThat(SpanTranslator.translate(new OtlpSpan(good.resource(), TRACE, good.spanId(), "", "x", 2,
                START, START - 1, Map.of(), List.of(), 0, ""))).isInstanceOf(SpanTranslator.Refused.class);
    }
}
