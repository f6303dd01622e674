package io.watchpost.xray.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.xray.model.GetSamplingRulesRequest;
import software.amazon.awssdk.services.xray.model.GetSamplingTargetsRequest;
import software.amazon.awssdk.services.xray.model.SamplingStatisticsDocument;

/**
 * The REST-JSON bodies of the two calls the daemon's sampling proxy serves, as the SDKs send them to X-Ray:
 * requests read by hand (two small shapes), responses written from the SDK model's field metadata with X-Ray's
 * member names and timestamps as epoch seconds.
 */
final class DaemonJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private DaemonJson() {}

    static GetSamplingRulesRequest rulesRequest(byte[] body) throws IOException {
        JsonNode root = tree(body);
        return GetSamplingRulesRequest.builder().nextToken(text(root, "NextToken")).build();
    }

    static GetSamplingTargetsRequest targetsRequest(byte[] body) throws IOException {
        JsonNode root = tree(body);
        JsonNode docs = root.get("SamplingStatisticsDocuments");
        if (docs == null || !docs.isArray()) {
            return GetSamplingTargetsRequest.builder().build();
        }
        List<SamplingStatisticsDocument> list = new java.util.ArrayList<>();
        for (JsonNode doc : docs) {
            JsonNode timestamp = doc.get("Timestamp");
            list.add(SamplingStatisticsDocument.builder()
                    .ruleName(text(doc, "RuleName")).clientID(text(doc, "ClientID"))
                    .timestamp(timestamp != null && timestamp.isNumber() ? seconds(timestamp.decimalValue()) : null)
                    .requestCount(integer(doc, "RequestCount")).sampledCount(integer(doc, "SampledCount"))
                    .borrowCount(integer(doc, "BorrowCount")).build());
        }
        return GetSamplingTargetsRequest.builder().samplingStatisticsDocuments(list).build();
    }

    static byte[] write(Object response) throws IOException {
        return MAPPER.writeValueAsBytes(value(response));
    }

    static byte[] error(String code, String message) throws IOException {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("__type", code).put("message", message);
        return MAPPER.writeValueAsBytes(node);
    }

    private static JsonNode value(Object value) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (value) {
            case null -> f.nullNode();
            case SdkPojo pojo -> {
                ObjectNode node = f.objectNode();
                for (SdkField<?> field : pojo.sdkFields()) {
                    Object member = field.getValueOrDefault(pojo);
                    if (member != null && !(member instanceof software.amazon.awssdk.core.util.SdkAutoConstructList<?>)
                            && !(member instanceof software.amazon.awssdk.core.util.SdkAutoConstructMap<?, ?>)) {
                        node.set(field.locationName(), value(member));
                    }
                }
                yield node;
            }
            case List<?> list -> {
                ArrayNode array = f.arrayNode();
                list.forEach(item -> array.add(value(item)));
                yield array;
            }
            case Map<?, ?> map -> {
                ObjectNode node = f.objectNode();
                map.forEach((k, v) -> node.set(String.valueOf(k), value(v)));
                yield node;
            }
            case Instant instant -> f.numberNode(BigDecimal.valueOf(instant.toEpochMilli(), 3));
            case Integer i -> f.numberNode(i);
            case Long l -> f.numberNode(l);
            case Double d -> f.numberNode(d);
            case Boolean b -> f.booleanNode(b);
            default -> f.textNode(value.toString());
        };
    }

    private static JsonNode tree(byte[] body) throws IOException {
        JsonNode root = body.length == 0 ? null : MAPPER.readTree(body);
        return root == null || !root.isObject() ? JsonNodeFactory.instance.objectNode() : root;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static Integer integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.canConvertToInt() ? value.asInt() : null;
    }

    private static Instant seconds(BigDecimal seconds) {
        return Instant.ofEpochMilli(seconds.movePointRight(3).longValue());
    }
}
